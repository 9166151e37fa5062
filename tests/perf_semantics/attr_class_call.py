# Class instantiation run inline (CALL_ALLOC_AND_INIT): the guards on the
# class, its metaclass, __new__, __init__ and the result of __init__.
import sys
import traceback


def make(cls, *args, **kw):
    return cls(*args, **kw)


def make1(cls, a):
    return cls(a)


def make_kw(cls):
    return cls(x=1, y=2)


def warm(f, *args, n=100):
    r = None
    for _ in range(n):
        r = f(*args)
    return r


def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
        print("ok", type(r).__name__, getattr(r, "__dict__", None))
    except Exception as e:
        print(type(e).__name__, e)


class P:
    def __init__(self, a):
        self.a = a


print(vars(warm(make1, P, 5)))


# __init__ returning something else
class R:
    def __init__(self, a):
        self.a = a
        if a == "int":
            return 1
        if a == "none":
            return None


warm(make1, R, 0)
show(make1, R, "int")
show(make1, R, "none")


# __init__ replaced on the class / its __code__ / __defaults__ changed
def other_init(self, a, b="dflt"):
    self.other = (a, b)


P.__init__ = other_init
show(make1, P, 1)
warm(make1, P, 1)


def init3(self, a, b, c):
    self.abc = (a, b, c)


other_init.__code__ = init3.__code__
show(make1, P, 1)
other_init.__defaults__ = (8, 9)
show(make1, P, 1)


def gen_init(self, a):
    yield a


other_init.__code__ = gen_init.__code__
show(make1, P, 1)
del P.__init__
show(make1, P, 1)
P.__init__ = lambda self, a: setattr(self, "a", a)


# __new__ added after caching
class N:
    def __init__(self, a):
        self.a = a


warm(make1, N, 1)


new_calls = []


def new(cls, *args):
    new_calls.append(args)
    return object.__new__(cls)


N.__new__ = new
show(make1, N, 2)
N.__new__ = lambda cls, a: 42
show(make1, N, 3)
N.__new__ = new
show(make1, N, 4)


# a metaclass __call__ added after caching
class Meta(type):
    pass


class M(metaclass=Meta):
    def __init__(self, a):
        self.a = a


warm(make1, M, 1)
Meta.__call__ = lambda cls, *a: ("meta call", a)
show(make1, M, 5)
print(make1(M, 6))
del Meta.__call__
show(make1, M, 7)


# __init__ inherited, then overridden in the base after caching
class Base:
    def __init__(self, a):
        self.base = a


class Derived(Base):
    pass


warm(make1, Derived, 1)
Base.__init__ = lambda self, a: setattr(self, "changed", a)
show(make1, Derived, 2)

# several classes at one site, subclasses, __slots__
class S1:
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a


class S2(P):
    pass


for cls in (S1, P, S2, N, M, Derived) * 30:
    r = make1(cls, 3)
print([type(make1(c, 3)).__name__ for c in (S1, P, S2, N, M, Derived)])
print(len(new_calls), new_calls[:3])


# abstract classes
import abc


class A(abc.ABC):
    def __init__(self, a):
        self.a = a


warm(make1, A, 1)
A.f = abc.abstractmethod(lambda self: None)
A.__abstractmethods__ = frozenset({"f"})
show(make1, A, 2)
A.__abstractmethods__ = frozenset()
show(make1, A, 3)


# errors binding __init__'s arguments
class K:
    def __init__(self, x=0, y=0, *, z=5):
        self.x = x
        self.y = y
        self.z = z


print(vars(warm(make_kw, K)))
show(make, K, 1, 2, 3)
show(make, K, 1, x=2)
show(make, K, w=2)
show(make, K, z=9)


class Req:
    def __init__(self, a, b, c, /, d):
        pass


warm(make, Req, 1, 2, 3, 4)
show(make, Req, 1)
show(make, Req, 1, 2, 3, d=4)
show(make, Req, 1, 2, c=3, d=4)


class NoInit:
    pass


warm(make, NoInit)
show(make, NoInit, 1)


# many attributes: the pre-sized dict keeps insertion order
class Big:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "f%d" % (n - i), i)
        self.last = n


for i in range(50):
    b = make1(Big, i % 12)
print(vars(b))
print(vars(make1(Big, 2)), vars(make1(Big, 11)))


# __init__ that swaps the instance's __dict__ or class
class Swap:
    def __init__(self, a):
        if a == "dict":
            self.__dict__ = {"swapped": True}
        elif a == "class":
            self.__class__ = NoInit
        else:
            self.a = a


warm(make1, Swap, 1)
show(make1, Swap, "dict")
show(make1, Swap, "class")


# the frame chain and tracebacks through an inline __init__
class Frames:
    def __init__(self, fail):
        self.caller = sys._getframe(1).f_code.co_name
        if fail:
            raise KeyError(fail)


def build(fail):
    return Frames(fail)


print(warm(build, None).caller)
try:
    build("boom")
except KeyError as e:
    print("KeyError", e, [(f.name, f.lineno) for f in traceback.extract_tb(e.__traceback__)])


# recursion through __init__
class Deep:
    def __init__(self, n):
        self.child = Deep(n + 1) if n < 100000 else None


try:
    Deep(0)
except RecursionError:
    print("RecursionError")


# an exception handler in the caller sees the stack as before
def guarded(x):
    out = []
    for v in (1, "int", 2):
        try:
            out.append(type(R(v)).__name__)
        except TypeError as e:
            out.append(str(e))
    return out


print(warm(guarded, 0))


# binding errors at a call site already specialised for the class: the
# same __init__ function object gets other signatures
class KK:
    def __init__(self, a=0, x=0):
        self.ax = (a, x)


def kk(cls):
    return cls(1, x=2)


print(vars(warm(kk, KK)))


def only_x(self, x=0):
    pass


def only_a(self, a):
    pass


def needs_y(self, a, x, y):
    pass


def kwonly_y(self, a, x, *, y):
    pass


def star(self, *args, **kwargs):
    self.got = (args, kwargs)


init = KK.__init__
for sig in (only_x, only_a, needs_y, kwonly_y, star):
    init.__code__ = sig.__code__
    show(kk, KK)
