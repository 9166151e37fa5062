# Data descriptors of builtin descriptor types read directly
# (LOAD_ATTR_DATA_DESCR), callables stored on instances called as methods
# (LOAD_METHOD_INSTANCE_ATTR), and class attributes of heap types that
# become data descriptors after a site was specialised.
import sys


def warm(f, *args, n=100):
    r = None
    for _ in range(n):
        r = f(*args)
    return r


def parts(z):
    return (z.real, z.imag)


print(warm(parts, 3 + 4j), parts(1j), parts(-0.0 - 0j), parts(complex(float("nan"), 1))[1])


class MyComplex(complex):
    @property
    def real(self):
        return "overridden real"


print(parts(MyComplex(1, 2)), warm(parts, MyComplex(1, 2)), parts(5 + 6j))


def frame_info():
    f = sys._getframe()
    return (f.f_code.co_name, f.f_back.f_code.co_name, f.f_lineno > 0)


print(warm(frame_info))


def cause(e):
    return e.__cause__


try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("x") from z
except ValueError as e:
    print(type(warm(cause, e)).__name__, cause(ValueError()))


class Slotted:
    __slots__ = ("a", "b")


def get_a(o):
    return o.a


s = Slotted()
s.a = 1
print(warm(get_a, s))
del s.a
try:
    get_a(s)
except AttributeError as e:
    print("AttributeError", e)


class WithDict:
    pass


def get_dict(o):
    return o.__dict__


w = WithDict()
w.k = 1
print(warm(get_dict, w))
w.__dict__ = {"other": 2}
print(get_dict(w))


# a heap-typed class attribute that becomes a data descriptor
class D:
    pass


class C:
    x = D()


c = C()
c.x = "instance"


def get_x(o):
    return o.x


def set_x(o, v):
    o.x = v


for i in range(200):
    get_x(c)
    set_x(c, "instance")
D.__get__ = lambda self, obj, cls: "descriptor get"
D.__set__ = lambda self, obj, v: print("descriptor set", v)
print(get_x(c))
set_x(c, 5)
print(c.__dict__)


# callables stored on the instance, called as methods
class Writer:
    def write(self, s):
        return "class write " + s


out = []
wr = Writer()
wr.write = out.append


def emit(w, s):
    w.write(s)
    return len(out)


print(warm(emit, wr, "a"), out[-1])
del wr.write
print(emit(wr, "b"), wr.write("c"))
wr.write = lambda s: "lambda " + s
print(warm(lambda: wr.write("d")))
Writer.write = property(lambda self: lambda s: "property " + s)
print(wr.write("e"))
del Writer.write
print(wr.write("f"))


class Other:
    pass


ot = Other()
ot.write = lambda s: "other " + s
print([emit(o, "g") for o in (ot, wr)], wr.write("h"))
