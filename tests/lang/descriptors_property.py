"""Descriptors: property, data vs non-data, __set_name__, __get__ on classes."""


class Temperature:
    def __init__(self, celsius):
        self._c = celsius

    @property
    def celsius(self):
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32


t = Temperature(100)
print(t.celsius, t.fahrenheit)
t.celsius = 0
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
try:
    t.fahrenheit = 3
except AttributeError as e:
    print(type(e).__name__, e)
del t.celsius
print(t.celsius)
print(type(Temperature.celsius).__name__, Temperature.celsius.fget.__name__)


class Logged:
    def __set_name__(self, owner, name):
        self.name = name
        self.owner = owner.__name__

    def __get__(self, obj, objtype=None):
        if obj is None:
            return "descriptor %s on %s" % (self.name, self.owner)
        return obj.__dict__.get("_" + self.name, "unset")

    def __set__(self, obj, value):
        print("set", self.name, value)
        obj.__dict__["_" + self.name] = value


class Model:
    a = Logged()
    b = Logged()


m = Model()
print(Model.a, m.a)
m.a = 5
print(m.a, m.b)
# A data descriptor wins over the instance dict.
m.__dict__["a"] = "in dict"
print(m.a)


class NonData:
    def __get__(self, obj, objtype=None):
        return "from descriptor"


class Holder:
    nd = NonData()


h = Holder()
print(h.nd)
h.nd = "instance value"
print(h.nd)
del h.nd
print(h.nd)


class Validated:
    def __init__(self, kind):
        self.kind = kind

    def __set_name__(self, owner, name):
        self.slot = "_v_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.slot)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError("expected %s, got %s" % (self.kind.__name__, type(value).__name__))
        setattr(obj, self.slot, value)

    def __delete__(self, obj):
        raise AttributeError("cannot delete")


class Person:
    name = Validated(str)
    age = Validated(int)

    def __init__(self, name, age):
        self.name = name
        self.age = age


p = Person("Ann", 30)
print(p.name, p.age)
try:
    p.age = "old"
except TypeError as e:
    print(type(e).__name__, e)
try:
    del p.name
except AttributeError as e:
    print(type(e).__name__, e)


# Functions are non-data descriptors.
def f(self):
    return "bound to " + type(self).__name__


bound = f.__get__(p, Person)
print(bound())
print(f.__get__(None, Person) is f)

# classmethod and staticmethod objects
class CM:
    @classmethod
    def c(cls):
        return cls.__name__

    @staticmethod
    def s(x):
        return x * 2


print(CM.__dict__["c"].__get__(None, CM)(), CM.__dict__["s"].__func__(4))
print(CM().c(), CM.s(5))

# property without setter error message
class RO:
    @property
    def x(self):
        return 1


try:
    RO().x = 2
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del RO().x
except AttributeError as e:
    print(type(e).__name__, e)

# __getattr__ is a fallback; __getattribute__ intercepts everything
class Fallback:
    real = 1

    def __getattr__(self, name):
        return "virtual " + name


fb = Fallback()
print(fb.real, fb.other)


class Intercept:
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)


ic = Intercept()
ic.x = 3
print(ic.secret, ic.x)
