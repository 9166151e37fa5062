# Instance attribute caches (LOAD_ATTR / STORE_ATTR / LOAD_METHOD with an
# index hint into the instance dict): every guard the fast paths rely on.
import sys


def warm(f, *args, n=200):
    r = None
    for _ in range(n):
        r = f(*args)
    return r


class C:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3

    def meth(self):
        return "method"


def get_b(o):
    return o.b


def set_b(o, v):
    o.b = v


def call_meth(o):
    return o.meth()


c = C()
print(warm(get_b, c))

# attribute deleted after caching
del c.b
try:
    get_b(c)
except AttributeError as e:
    print("deleted:", e)
c.b = 20
print("re-added:", get_b(c), list(vars(c)))

# entries moved: delete and re-add others, dict rebuilt by growth
for i in range(40):
    setattr(c, "x%d" % i, i)
for i in range(0, 40, 2):
    delattr(c, "x%d" % i)
print("after churn:", warm(get_b, c), c.x1, c.x39)

# stores through the hint keep order and are visible through __dict__
d = C()
for i in range(300):
    set_b(d, i)
print("store:", d.b, d.__dict__, list(d.__dict__))

# __dict__ replaced (other order, other key objects)
d.__dict__ = {"c": 30, "b": "new-b", "a": 10}
print("replaced dict:", get_b(d), warm(get_b, d))
set_b(d, "stored")
print(d.__dict__)


# a dict subclass as __dict__: raw storage, its __getitem__ is not used
class LoudDict(dict):
    def __getitem__(self, k):
        return "loud"


d.__dict__ = LoudDict(a=1, b=2)
print("dict subclass:", warm(get_b, d), type(d.__dict__).__name__)
set_b(d, 99)
print(d.__dict__)


# an equal key of another object (str subclass) in the instance dict
class S(str):
    pass


e = C()
e.__dict__.clear()
e.__dict__[S("b")] = "via subclass key"
print("str subclass key:", warm(get_b, e))
set_b(e, "replaced")
print([(type(k).__name__, k, v) for k, v in e.__dict__.items()])

# a non-interned name stored with setattr
f = C()
name = "".join(["b"])
setattr(f, name, "setattr-b")
print("setattr:", warm(get_b, f))

# a data descriptor added to the class after caching wins
g = C()
print(warm(get_b, g))
C.b = property(lambda self: "property-b")
print("property:", get_b(g), warm(get_b, g))
try:
    set_b(g, 5)
except AttributeError as e:
    print("no setter:", e)
del C.b
print("property removed:", get_b(g))

# a non-data descriptor on the class does not hide the instance value
C.b = staticmethod(lambda: "static")
print("non-data descr:", get_b(g))
del g.b
print("non-data descr, no instance attr:", get_b(g)())
del C.b
g.b = 2


# __class__ assignment
class D:
    b = "class D attr"


h = C()
print(warm(get_b, h))
h.__class__ = D
print("class changed:", get_b(h))
del h.b
print("class attr:", get_b(h))


# __getattr__ / __getattribute__ added after caching
class E:
    def __init__(self):
        self.b = "e-b"


k = E()
print(warm(get_b, k))
del k.b
E.__getattr__ = lambda self, n: "getattr:" + n
print(get_b(k))
k.b = "back"
E.__getattribute__ = lambda self, n: "getattribute:" + n
print(get_b(k), warm(get_b, k))
del E.__getattribute__
print(get_b(k))


# __setattr__ added after caching
class F:
    pass


m = F()
warm(set_b, m, 1)
F.__setattr__ = lambda self, n, v: object.__setattr__(self, n, ("wrapped", v))
set_b(m, 2)
print("setattr override:", m.b)
del F.__setattr__
set_b(m, 3)
print(m.b)


# __slots__ instances next to dict instances at one site
class G:
    __slots__ = ("b",)

    def __init__(self):
        self.b = "slot-b"


class H:
    __slots__ = ("b", "__dict__")


objs = [C(), G(), E(), H()]
objs[3].b = "h-slot"
objs[3].other = 1
print("poly:", [warm(get_b, o, n=20) for o in objs])
for o in objs:
    warm(set_b, o, type(o).__name__, n=20)
print([get_b(o) for o in objs])
s = G()
try:
    get_b(s)
except AttributeError as e:
    print("empty slot:", e)

# methods: shadowed by an instance attribute after caching
n = C()
print(warm(call_meth, n))
n.meth = lambda: "instance attr"
print(call_meth(n), warm(call_meth, n))
del n.meth
print(call_meth(n))
# many instance attributes (probe collisions before the method name)
for i in range(100):
    setattr(n, "m%d" % i, i)
print(warm(call_meth, n))
n.__dict__["meth"] = lambda: "shadow again"
print(call_meth(n))
C.meth = lambda self: "new method"
del n.meth
print(call_meth(n))

# instance dict used as globals: LOAD_GLOBAL caches see STORE_ATTR stores
class NS:
    pass


ns = NS()
exec("def reader():\n    return counter\n", ns.__dict__)
ns.counter = -1
out = []
for i in range(300):
    ns.counter = i
    out.append(ns.reader())
print("globals dict:", out == list(range(300)))

# errors from a key's __eq__ during the lookup propagate
class BadKey(str):
    def __hash__(self):
        return hash("b")

    def __eq__(self, other):
        raise ValueError("bad eq")


q = C()
print(warm(get_b, q))
q.__dict__.clear()
q.__dict__[BadKey("zz")] = 1
try:
    get_b(q)
except ValueError as e:
    print("eq error:", e)
print(sys.getrecursionlimit() > 0)

# a method shadowed through an equal key of another object (str subclass)
r = C()
print(warm(call_meth, r))
r.__dict__[S("meth")] = lambda: "shadow by str subclass key"
print(call_meth(r))
for i in range(30):
    setattr(r, "pad%d" % i, i)
print(call_meth(r), warm(call_meth, C()))
