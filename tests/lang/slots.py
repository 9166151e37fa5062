"""__slots__: no __dict__, slot descriptors, inheritance with and without slots."""


class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = P(1, 2)
print(p.x, p.y)
try:
    p.z = 3
except AttributeError as e:
    print(type(e).__name__, e)
print(hasattr(p, "__dict__"))
print(type(P.x).__name__, P.__slots__)

q = P.__new__(P)
try:
    q.x
except AttributeError as e:
    print(type(e).__name__, e)
q.x = 10
print(q.x)
del q.x
try:
    del q.x
except AttributeError as e:
    print(type(e).__name__, e)


class P3(P):
    __slots__ = ("z",)


p3 = P3(1, 2)
p3.z = 3
print(p3.x, p3.y, p3.z, hasattr(p3, "__dict__"))


class Loose(P):
    pass


lo = Loose(1, 2)
lo.anything = "ok"
print(lo.anything, sorted(lo.__dict__))


class WithDict:
    __slots__ = ("a", "__dict__")


w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, w.__dict__)


class StrSlot:
    __slots__ = "only"


s = StrSlot()
s.only = "single"
print(s.only, StrSlot.__slots__)

try:
    class Conflict:
        __slots__ = ("v",)
        v = 5
except ValueError as e:
    print(type(e).__name__, e)


class Mangled:
    __slots__ = ("__private",)

    def __init__(self):
        self.__private = "hidden"

    def get(self):
        return self.__private


mg = Mangled()
print(mg.get(), Mangled.__slots__, hasattr(Mangled, "_Mangled__private"))


class Weak:
    __slots__ = ("__weakref__", "v")


print("__weakref__" in dir(Weak))


class Base2:
    __slots__ = ()


class Kid2(Base2):
    __slots__ = ("k",)


k = Kid2()
k.k = 1
print(k.k)
try:
    k.other = 1
except AttributeError as e:
    print(type(e).__name__, e)


# slot with a property of the same conceptual name
class Circle:
    __slots__ = ("_r",)

    def __init__(self, r):
        self._r = r

    @property
    def area(self):
        return 3 * self._r * self._r


print(Circle(2).area)
print(sorted(n for n in dir(P(0, 0)) if not n.startswith("__")))
