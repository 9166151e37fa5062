"""super(): zero-argument form, explicit form, cooperative __init__."""


class Base:
    def __init__(self, **kw):
        self.trace = ["Base"]
        self.rest = kw

    def greet(self):
        return "hello from Base"


class Left(Base):
    def __init__(self, left=None, **kw):
        super().__init__(**kw)
        self.trace.append("Left")
        self.left = left

    def greet(self):
        return "Left>" + super().greet()


class Right(Base):
    def __init__(self, right=None, **kw):
        super().__init__(**kw)
        self.trace.append("Right")
        self.right = right

    def greet(self):
        return "Right>" + super().greet()


class Both(Left, Right):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.trace.append("Both")

    def greet(self):
        return "Both>" + super().greet()


b = Both(left=1, right=2, extra=3)
print(b.trace, b.left, b.right, b.rest)
print(b.greet())
print(super(Left, b).greet())
print(super(Both, b).greet())


class WithClassMethod(Base):
    @classmethod
    def make(cls):
        return cls.__name__

    @classmethod
    def make2(cls):
        return "2:" + super().__repr__.__name__


class Sub(WithClassMethod):
    @classmethod
    def make(cls):
        return "Sub->" + super().make()


print(Sub.make(), Sub.make2())


class Attr:
    value = "Attr.value"


class AttrKid(Attr):
    value = "AttrKid.value"

    def get(self):
        return super().value, self.value


print(AttrKid().get())

# super() in a method defined outside the class fails.


def loose(self):
    return super().greet()


class Holder(Base):
    pass


Holder.loose = loose
try:
    Holder().loose()
except RuntimeError as e:
    print(type(e).__name__, e)

# super object attributes
s = super(Left, b)
print(s.__thisclass__.__name__, type(s.__self__).__name__)


class Prop(Base):
    @property
    def p(self):
        return "Prop.p"


class PropKid(Prop):
    @property
    def p(self):
        return "Kid+" + super().p


print(PropKid().p)


class NewBase:
    def __new__(cls, *args):
        inst = super().__new__(cls)
        inst.args = args
        return inst


class NewKid(NewBase):
    def __new__(cls, *args):
        return super().__new__(cls, *args, "kid")


print(NewKid(1, 2).args)

# super in __init_subclass__
registry = []


class Plugin:
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        registry.append((cls.__name__, name))


class P1(Plugin, name="first"):
    pass


class P2(Plugin):
    pass


print(registry)

try:
    super(int, "x")
except TypeError as e:
    print(type(e).__name__, e)


class Lst(list):
    def append(self, x):
        super().append(x * 2)


L = Lst()
L.append(3)
L.append(4)
print(L)
