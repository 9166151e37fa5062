"""__build_class__: metaclasses, __prepare__, keywords, __mro_entries__, __class__."""


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"prepared": True}

    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")), kw)
        return super().__new__(mcls, name, bases, ns)

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


class A(metaclass=Meta, flag=1):
    def hello(self):
        return __class__.__name__


print(A.prepared, A().hello(), type(A).__name__)


class B(A):
    pass


print(type(B).__name__)


class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)


class D(Base, tag="x"):
    pass


class Entry:
    def __mro_entries__(self, bases):
        return (Base,)


class E(Entry()):
    pass


print(E.__mro__[1].__name__, E.__orig_bases__[0].__class__.__name__)

try:
    class F(1):
        pass
except TypeError as e:
    print("TypeError", e)


class BadPrepare(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 1


try:
    class G(metaclass=BadPrepare):
        pass
except TypeError as e:
    print("TypeError", e)


def plain(name, bases, ns):
    return (name, bases, sorted(ns))


class H(metaclass=plain):
    a = 1


print(H)
class M(type):
    def __new__(mcls, name, bases, ns):
        ns.pop("__classcell__", None)
        return super().__new__(mcls, name, bases, ns)
try:
    class A(metaclass=M):
        def f(self):
            return __class__
except RuntimeError as e:
    print("RuntimeError", e)
try:
    class B(metaclass=1):
        pass
except TypeError as e:
    print("TypeError", e)
class X(type): pass
class Y(type): pass
class P(metaclass=X): pass
class Q(metaclass=Y): pass
try:
    class R(P, Q): pass
except TypeError as e:
    print("TypeError", e)
try:
    __build_class__(lambda: None, "N", metaclass=type, bogus=1)
except TypeError as e:
    print("TypeError", e)
