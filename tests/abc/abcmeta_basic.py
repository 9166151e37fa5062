# ABCMeta: the native _abc module, abstract methods, register, caches.
import abc
import _abc

print(abc.ABCMeta.__module__, type(abc.ABC._abc_impl).__name__)
print(abc._abc_init is _abc._abc_init)


class A(abc.ABC):
    @abc.abstractmethod
    def f(self): ...

    @property
    @abc.abstractmethod
    def p(self): ...

    def g(self):
        return 1


print(sorted(A.__abstractmethods__))
try:
    A()
except TypeError as e:
    print("TypeError:", e)


class B(A):
    def f(self):
        return 2


print(sorted(B.__abstractmethods__))
try:
    B()
except TypeError as e:
    print("TypeError:", e)


class C(B):
    p = 3


print(sorted(C.__abstractmethods__), C().f(), C().p)


class Plain:
    pass


class Other:
    pass


tok = abc.get_cache_token()
print(issubclass(Plain, A), isinstance(Plain(), A))
print(A.register(Plain) is Plain)
print(abc.get_cache_token() == tok + 1)
print(issubclass(Plain, A), isinstance(Plain(), A), issubclass(Other, A))
# registering again or registering a subclass changes nothing
tok = abc.get_cache_token()
print(A.register(Plain) is Plain, A.register(C) is C, abc.get_cache_token() == tok)


class SubPlain(Plain):
    pass


print(issubclass(SubPlain, A), isinstance(SubPlain(), A))

# negative cache is invalidated by a later registration
print(issubclass(Other, A))
A.register(Other)
print(issubclass(Other, A), isinstance(Other(), A))

# a registration on another ABC also invalidates (global counter)
class D(abc.ABC):
    pass


class E:
    pass


print(issubclass(E, D))
abc.ABC.register(E)
print(issubclass(E, D), issubclass(E, abc.ABC))
D.register(E)
print(issubclass(E, D))

for bad in (1, "x", None):
    try:
        A.register(bad)
    except TypeError as e:
        print("TypeError:", e)
    try:
        issubclass(bad, A)
    except TypeError as e:
        print("TypeError:", e)

try:
    Plain.register = None
    class X(A): pass
    X.register(A)
except RuntimeError as e:
    print("RuntimeError:", e)

print(isinstance(3, A), isinstance(Plain(), (int, A)))

reg, cache, neg, ver = abc._get_dump(A)
print(type(reg).__name__, len(reg), sorted(r().__name__ for r in reg))
print(isinstance(ver, int))
abc._reset_caches(A) if False else A._abc_caches_clear()
reg, cache, neg, ver = abc._get_dump(A)
print(len(cache), len(neg))
A._abc_registry_clear()
print(len(abc._get_dump(A)[0]), issubclass(Other, A))
print(hasattr(_abc, "_abc_data"), type(A._abc_impl).__module__)
try:
    class Bad(metaclass=abc.ABCMeta):
        _abc_impl = 1
    Bad._abc_impl = 5
    issubclass(int, Bad)
except TypeError as e:
    print("TypeError:", e)
