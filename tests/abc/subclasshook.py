# __subclasshook__ returning True / False / NotImplemented / other.
import abc


class Sized(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            if any("__len__" in B.__dict__ for B in C.__mro__):
                return True
            if any("no_len" in B.__dict__ for B in C.__mro__):
                return False
        return NotImplemented


class L:
    def __len__(self):
        return 0


class N:
    no_len = 1


class Z:
    pass


print(issubclass(L, Sized), isinstance(L(), Sized), issubclass(list, Sized))
print(issubclass(N, Sized), issubclass(Z, Sized))
Sized.register(N)   # the hook still says False
print(issubclass(N, Sized), isinstance(N(), Sized))
Sized.register(Z)
print(issubclass(Z, Sized))


class Sub(Sized):
    pass


print(issubclass(L, Sub), issubclass(Z, Sub))


class Weird(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return 42


try:
    issubclass(int, Weird)
except AssertionError as e:
    print("AssertionError:", e)


class Raising(abc.ABC):
    @classmethod
    def __subclasshook__(cls, C):
        raise KeyError("hook")


try:
    isinstance(1, Raising)
except KeyError as e:
    print("KeyError:", e)


# __class__ differing from type(): both are checked
class Proxy:
    @property
    def __class__(self):
        return L


print(isinstance(Proxy(), Sized), isinstance(Proxy(), L))


# a metaclass __subclasscheck__ override on a subclass of an ABC's subclasses
class Meta(abc.ABCMeta):
    pass


class Base(metaclass=Meta):
    pass


class Child(Base):
    pass


class Reg:
    pass


Child.register(Reg)
print(issubclass(Reg, Base), issubclass(Reg, Child), isinstance(Reg(), Base))
