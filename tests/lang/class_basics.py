"""Classes: attributes, methods, class vs instance state, bound methods."""


class Point:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)

    @classmethod
    def origin(cls):
        return cls(0, 0)

    @staticmethod
    def distance2(a, b):
        return (a.x - b.x) ** 2 + (a.y - b.y) ** 2


p = Point(1, 2)
print(p, p.moved(3, 4), Point.origin())
print(Point.distance2(p, Point.origin()))
print(p.dims, Point.dims)
p.dims = 3
print(p.dims, Point.dims)
del p.dims
print(p.dims)
print(sorted(vars(p).items()))

m = p.moved
print(m.__self__ is p, m.__func__ is Point.moved)
print(m(1, 1))
print(Point.moved(p, 10, 10))

print(type(p).__name__, type(p).__qualname__, Point.__module__)
print(isinstance(p, Point), isinstance(p, object), issubclass(Point, object))


class Empty:
    pass


e = Empty()
e.anything = 5
print(e.anything)
try:
    e.missing
except AttributeError as ex:
    print(type(ex).__name__, ex)

try:
    Point.nothing
except AttributeError as ex:
    print(type(ex).__name__, ex)


class Counter:
    instances = 0

    def __init__(self):
        Counter.instances += 1
        self.n = Counter.instances


a, b, c = Counter(), Counter(), Counter()
print(a.n, b.n, c.n, Counter.instances)

# Functions assigned to classes after creation become methods.


def describe(self):
    return "Counter #%d" % self.n


Counter.describe = describe
print(b.describe())

# Instance attributes shadow non-data class attributes (including methods).
b.describe = lambda: "shadowed"
print(b.describe(), a.describe())


class WithDoc:
    """A documented class."""
    def method(self):
        """method doc"""


print(WithDoc.__doc__, WithDoc.method.__doc__)
print(Empty.__doc__)

# setattr/getattr/hasattr/delattr
setattr(e, "dyn", [1, 2])
print(getattr(e, "dyn"), getattr(e, "nope", "default"), hasattr(e, "dyn"))
delattr(e, "dyn")
print(hasattr(e, "dyn"))

# Class created with type()
Dyn = type("Dyn", (Point,), {"z": 9, "__repr__": lambda self: "Dyn!"})
d = Dyn(1, 1)
print(d, d.z, Dyn.__bases__[0].__name__, Dyn.__name__)


class Equal:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return isinstance(other, Equal) and self.v == other.v


print(Equal(1) == Equal(1), Equal(1) != Equal(2), Equal(1) == 1)
print(Equal.__hash__)

print(str(Point), repr(Point))
print(Point.__dict__["dims"], "moved" in Point.__dict__)
