# Class attributes read on the class or through an instance, and methods
# looked up on a class (LOAD_ATTR_CLASS, LOAD_ATTR_CLASS_ATTR,
# LOAD_METHOD_CLASS_DESCR): what their caches guard.


def warm(f, *args, n=100):
    r = None
    for _ in range(n):
        r = f(*args)
    return r


def show(f, *args):
    try:
        print("ok", f(*args))
    except Exception as e:
        print(type(e).__name__, e)


class Base:
    CONST = 1
    name = "base"

    def method(self, a=0):
        return ("method", type(self).__name__, a)

    @staticmethod
    def static(a=0):
        return ("static", a)

    @classmethod
    def cm(cls, a=0):
        return ("cm", cls.__name__, a)


class Sub(Base):
    pass


def read_const(cls):
    return cls.CONST


def read_inst(o):
    return o.CONST


def read_all(cls):
    return (cls.static(1), cls.cm(2), cls.method(cls(), 3), cls.static.__name__, cls.name)


def read_inst_all(o):
    return (o.static(1), o.cm(2), o.method(3), o.static(4), o.name)


def bound(o):
    m = o.method
    s = o.static
    c = o.cm
    return (m(5), s(6), c(7), m.__self__ is o, c.__self__ is type(o))


print(warm(read_const, Base), warm(read_const, Sub))
print(warm(read_all, Base))
print(warm(read_all, Sub))
b, s = Base(), Sub()
print(warm(read_inst, b), warm(read_inst_all, s), warm(bound, b))
print(b.method == b.method, b.method is b.method)

# class attribute changed, on the class and on a base
Base.CONST = 2
print(read_const(Base), read_const(Sub), read_inst(s))
Sub.CONST = 3
print(read_const(Base), read_const(Sub), read_inst(s))
del Sub.CONST
print(read_const(Sub))

# an instance attribute shadows the class attribute after caching
s.CONST = "instance"
print(read_inst(s))
del s.CONST
print(read_inst(s))
s.method = lambda a=0: "shadowing method"
print(bound(s)[0] if False else s.method(1))
del s.method
print(warm(bound, s))

# methods replaced on the class after caching
Base.static = staticmethod(lambda a=0: ("new static", a))
Base.cm = classmethod(lambda cls, a=0: ("new cm", cls.__name__, a))
Base.method = lambda self, a=0: ("new method", a)
print(read_all(Sub), read_inst_all(s), bound(s))

# a staticmethod / classmethod object re-initialised in place
sm = Base.__dict__["static"]
sm.__init__(lambda a=0: ("reinit static", a))
cm = Base.__dict__["cm"]
cm.__init__(lambda cls, a=0: ("reinit cm", cls.__name__, a))
print(read_all(Sub), read_inst_all(s), bound(s))
cm.__init__(len)
show(read_all, Sub)
show(read_inst_all, s)


# metaclass attributes: a non-data one loses to the class attribute, a
# data descriptor added later wins
class Meta(type):
    CONST = "meta"


class WithMeta(metaclass=Meta):
    CONST = "class"


print(warm(read_const, WithMeta))
Meta.CONST = property(lambda cls: "meta property")
print(read_const(WithMeta))
Meta.CONST = "meta again"
print(read_const(WithMeta))
del WithMeta.CONST
print(read_const(WithMeta))
Meta.__getattr__ = lambda cls, n: "meta getattr " + n
WithMeta.CONST = "again"
print(read_const(WithMeta))
del WithMeta.CONST
print(read_const(WithMeta))


# a metaclass __getattribute__
class Meta2(type):
    pass


class W2(metaclass=Meta2):
    CONST = 5


print(warm(read_const, W2))
Meta2.__getattribute__ = lambda cls, n: "meta getattribute " + n
print(read_const(W2))
del Meta2.__getattribute__
print(read_const(W2))


# values of a heap type that gains __get__ later
class Value:
    pass


class Holder:
    CONST = Value()


print(type(warm(read_const, Holder)).__name__, type(warm(read_inst, Holder())).__name__)
Value.__get__ = lambda self, obj, cls: ("got", obj is None, cls.__name__)
print(read_const(Holder), read_inst(Holder())[:2])


# the unbound-call pattern of base-class initialisers
class Shape:
    def __init__(self, kind, n):
        self.kind = kind
        self.n = n


class Square(Shape):
    def __init__(self):
        Shape.__init__(self, "square", 4)


print(vars(warm(Square)))


# other objects at a class site
import math
print(read_const(type("T", (), {"CONST": "made"})))
for o in (Base, b, math, Sub):
    try:
        print(read_const(o) if o is not math else "module")
    except AttributeError as e:
        print("AttributeError", e)


# builtin classmethods / attributes of builtin types
def from_bytes(t):
    return t.from_bytes(b"\x01\x00", "little")


print(warm(from_bytes, int))


class MyInt(int):
    pass


print(from_bytes(MyInt), type(from_bytes(MyInt)).__name__)
print(warm(lambda: Base.__name__), warm(lambda: Sub.__mro__[1].__name__))


# plain values of the class called as methods, shadowed later
class Tools:
    helper = len
    kind = str


def use_tools(t):
    return (t.helper("abc"), t.kind(5))


t = Tools()
print(warm(use_tools, t))
t.helper = lambda s: "instance " + s
print(use_tools(t))
del t.helper
Tools.kind = staticmethod(lambda v: ("static kind", v))
print(use_tools(t))
Tools.kind = classmethod(lambda cls, v: ("cm kind", cls.__name__, v))
print(use_tools(t), warm(use_tools, t))


# a first attribute store on an instance that has no dict yet
class Late:
    pass


def set_x(o, v):
    o.x = v


warm(set_x, Late(), 1)
fresh = [Late() for _ in range(3)]
for i, o in enumerate(fresh):
    set_x(o, i)
print([vars(o) for o in fresh])
