"""Metaclasses: __new__/__init__/__call__, __prepare__, class keywords."""


class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.tag = kw.get("tag", "none")
        return cls

    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)

    def __call__(cls, *args, **kwargs):
        print("Meta.__call__", cls.__name__, args)
        return super().__call__(*args, **kwargs)


class Base(metaclass=Meta, tag="base"):
    def __init__(self, v):
        self.v = v

    def method(self):
        return self.v


class Child(Base, tag="child"):
    extra = 1


print(Base.tag, Child.tag, type(Child).__name__)
obj = Child(7)
print(obj.v, obj.method())


class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name)
        return {"injected": "yes"}

    def __new__(mcls, name, bases, ns):
        ns["field_order"] = [k for k in ns if not k.startswith("__")]
        return super().__new__(mcls, name, bases, ns)


class Rec(metaclass=OrderedMeta):
    zeta = 1
    alpha = 2
    mid = 3


print(Rec.field_order, Rec.injected)


class Singleton(type):
    _instances = {}

    def __call__(cls, *a):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*a)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self):
        print("Config created")


print(Config() is Config())


# Metaclass methods are visible on the class, not on instances.
class WithClassProp(type):
    def describe(cls):
        return "class " + cls.__name__

    @property
    def upper_name(cls):
        return cls.__name__.upper()


class Thing(metaclass=WithClassProp):
    pass


print(Thing.describe(), Thing.upper_name)
print(hasattr(Thing(), "describe"))

# Metaclass conflict
class M1(type):
    pass


class M2(type):
    pass


class A1(metaclass=M1):
    pass


class A2(metaclass=M2):
    pass


try:
    class Both(A1, A2):
        pass
except TypeError as e:
    print(type(e).__name__, e)

# type() with three arguments, and type of type
T = type("T", (), {"x": 1})
print(T.__name__, T.x, type(T) is type, type(type) is type)
print(isinstance(Meta, type), isinstance(Base, Meta), issubclass(Meta, type))


# __init_subclass__ plus __class_getitem__
class Registry:
    children = []

    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        cls.options = kw
        Registry.children.append(cls.__name__)

    def __class_getitem__(cls, item):
        return "%s[%s]" % (cls.__name__, item.__name__ if isinstance(item, type) else item)


class R1(Registry, color="red"):
    pass


class R2(Registry):
    pass


print(Registry.children, R1.options, R2.options, Registry[int], R1["x"])


# __instancecheck__ / __subclasscheck__ on a metaclass
class DuckMeta(type):
    def __instancecheck__(cls, inst):
        return hasattr(inst, "quack")

    def __subclasscheck__(cls, sub):
        return hasattr(sub, "quack")


class Duck(metaclass=DuckMeta):
    pass


class Mallard:
    def quack(self):
        return "quack"


print(isinstance(Mallard(), Duck), isinstance(3, Duck), issubclass(Mallard, Duck))


# Metaclass __repr__ and the class namespace
class Pretty(type):
    def __repr__(cls):
        return "<pretty %s>" % cls.__name__


class Nice(metaclass=Pretty):
    pass


print(repr(Nice), [Nice])
print(type(Nice.__dict__).__name__)
