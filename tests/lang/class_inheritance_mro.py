"""Inheritance, method resolution order, C3 linearisation failures."""


class A:
    def who(self):
        return "A"

    def chain(self):
        return ["A"]


class B(A):
    def who(self):
        return "B"

    def chain(self):
        return ["B"] + super().chain()


class C(A):
    def who(self):
        return "C"

    def chain(self):
        return ["C"] + super().chain()


class D(B, C):
    def chain(self):
        return ["D"] + super().chain()


def names(cls):
    return [k.__name__ for k in cls.__mro__]


print(names(D))
print(D().who(), D().chain())
print(names(B), [k.__name__ for k in D.mro()])
print(D.__bases__ == (B, C))
print(issubclass(D, A), issubclass(A, D), isinstance(D(), C))


class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class Big(K1, K2, K3): pass


print(names(Big))

try:
    class Bad(X, K1):
        pass
except TypeError as e:
    print(type(e).__name__, e)

try:
    class Dup(X, X):
        pass
except TypeError as e:
    print(type(e).__name__, e)


class Base:
    kind = "base"

    def __init__(self):
        self.log = ["Base.__init__"]

    def template(self):
        return self.step() + "!"

    def step(self):
        return "base step"


class Derived(Base):
    kind = "derived"

    def step(self):
        return "derived step"


d = Derived()
print(d.log, d.template(), d.kind, Base.kind)


class NoInit(Derived):
    pass


print(NoInit().log)

# issubclass with tuples, __subclasses__ order is definition order
print(issubclass(bool, (str, int)))
print([k.__name__ for k in A.__subclasses__()])

# Inheriting from builtins


class MyList(list):
    def total(self):
        return sum(self)


ml = MyList([1, 2, 3])
ml.append(4)
print(ml, ml.total(), type(ml[:2]).__name__, len(ml))


class MyDict(dict):
    def __missing__(self, key):
        return "missing:" + str(key)


md = MyDict(a=1)
print(md["a"], md["b"], md.get("b"))


class MyInt(int):
    def __repr__(self):
        return "MyInt(%d)" % self


mi = MyInt(5)
print(repr(mi), mi + 1, type(mi + 1).__name__)


class MyStr(str):
    pass


s = MyStr("hi")
print(s.upper(), type(s.upper()).__name__, type(s).__name__, s == "hi")

# Method override visible through base class call
print(Base.step(d), Derived.step(d))

# Attribute lookup through the MRO for class attributes
class P1:
    attr = "P1"
class P2:
    attr = "P2"
    only2 = "only in P2"
class Kid(P1, P2):
    pass


print(Kid.attr, Kid.only2)
print(object.__bases__, type.__mro__[-1].__name__)
