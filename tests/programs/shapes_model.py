"""A small domain model: abc, enum, functools, itertools, typing, operator, heapq."""
import abc
import enum
import functools
import heapq
import itertools
import math
import operator
from typing import NamedTuple, Protocol, runtime_checkable, TypeVar, Generic


class Color(enum.Enum):
    RED = "r"
    GREEN = "g"
    BLUE = enum.auto()


class Perm(enum.IntFlag):
    R = 4
    W = 2
    X = 1


@functools.total_ordering
class Shape(abc.ABC):
    def __init__(self, color=Color.RED):
        self.color = color

    @abc.abstractmethod
    def area(self): ...

    def __lt__(self, other):
        return self.area() < other.area()

    def __eq__(self, other):
        return self.area() == other.area()

    def __repr__(self):
        return f"{type(self).__name__}({self.area():.3f}, {self.color.name})"


class Circle(Shape):
    def __init__(self, r, **kw):
        super().__init__(**kw)
        self.r = r

    def area(self):
        return math.pi * self.r ** 2


class Rect(Shape):
    def __init__(self, w, h, **kw):
        super().__init__(**kw)
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    @functools.cached_property
    def diagonal(self):
        return math.hypot(self.w, self.h)


@runtime_checkable
class HasArea(Protocol):
    def area(self) -> float: ...


T = TypeVar("T")


class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item


class Pair(NamedTuple):
    a: int
    b: int = 0


@functools.singledispatch
def describe(x):
    return f"thing {x!r}"


@describe.register
def _(x: int):
    return f"int {x}"


@describe.register(Shape)
def _(x):
    return f"shape of area {x.area():.1f}"


@functools.lru_cache(maxsize=None)
def partitions(n, k=None):
    if k is None:
        k = n
    if n == 0:
        return 1
    return sum(partitions(n - i, i) for i in range(1, min(n, k) + 1))


shapes = [Circle(1), Rect(2, 3, color=Color.BLUE), Circle(0.5, color=Color.GREEN), Rect(1, 1)]
print(sorted(shapes), max(shapes), min(shapes, key=operator.methodcaller("area")))
try:
    Shape()
except TypeError as e:
    print(e)
print(isinstance(shapes[0], HasArea), isinstance(3, HasArea), Box[int], Box(3).item)
print(list(Color), Color("g"), Color.BLUE.value, Color["RED"] is Color.RED)
print(Perm.R | Perm.W, Perm(7), Perm.R in Perm(5), ~Perm.X, list(Perm(6)))
print(describe(3), describe("s"), describe(shapes[1]), shapes[1].diagonal)
print([partitions(n) for n in range(15)], partitions.cache_info().hits > 0)
print(Pair(1), Pair(1, 2)._fields, Pair._field_defaults)
groups = itertools.groupby(sorted(shapes, key=lambda s: type(s).__name__), key=lambda s: type(s).__name__)
print({k: len(list(g)) for k, g in groups})
print(list(itertools.accumulate([1, 2, 3, 4], operator.mul)), list(itertools.pairwise("abcd")))
print(list(itertools.combinations(range(4), 2))[:4], list(itertools.product("ab", repeat=2)))
print(list(itertools.islice(itertools.cycle("xyz"), 7)), list(itertools.zip_longest([1], [2, 3], fillvalue=0)))
print(heapq.nsmallest(2, shapes), heapq.merge([1, 4], [2, 3]).__next__())
print(functools.reduce(operator.add, map(str, range(5))), functools.partial(int, base=2)("101"))
