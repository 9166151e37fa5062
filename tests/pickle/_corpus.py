"""Objects shared by the pickle differential tests (a helper, not a test)."""
import collections
import datetime
import decimal
import enum
import fractions
import functools
import math


class Plain:
    def __init__(self, a=1, b="two"):
        self.a = a
        self.b = b

    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y

    def __eq__(self, other):
        return type(self) is type(other) and (self.x, self.y) == (other.x, other.y)


class WithState(Plain):
    def __getstate__(self):
        return {"a": self.a}

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.b = "restored"


class NewArgs(int):
    def __new__(cls, v, tag="t"):
        self = super().__new__(cls, v)
        self.tag = tag
        return self

    def __getnewargs__(self):
        return (int(self), self.tag)


class NewArgsEx:
    def __new__(cls, *args, **kwargs):
        self = super().__new__(cls)
        self.args = args
        self.kwargs = kwargs
        return self

    def __getnewargs_ex__(self):
        return self.args, self.kwargs

    def __eq__(self, other):
        return (type(self) is type(other) and self.args == other.args
                and self.kwargs == other.kwargs)


class Reduced:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        return (Reduced, (self.v,))

    def __eq__(self, other):
        return type(self) is type(other) and self.v == other.v


class ListLike(list):
    pass


class DictLike(dict):
    pass


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class Outer:
    class Inner:
        pass


Point = collections.namedtuple("Point", "x y")


def top_function():
    return 1


def corpus():
    """(label, object) pairs covering every opcode family."""
    rec = []
    rec.append(rec)
    d = {}
    d["self"] = d
    shared = [1, 2]
    one = tuple(["a"])
    big_str = "x" * 70000
    return [
        ("none", None), ("true", True), ("false", False),
        ("ints", [0, 1, -1, 255, 256, 65535, 65536, 2**31 - 1, -2**31, 2**31,
                  -2**31 - 1, 2**63, -2**63, 2**64, 10**30, -10**30, 2**2048 + 3, -(2**2050)]),
        ("floats", [0.0, -0.0, 1.5, -2.25, 1e100, 1e-300, math.inf, -math.inf, 3.141592653589793]),
        ("strs", ["", "a", "abc" * 100, "caf\u00e9", "\u20ac\u4e2d", "\U0001f600",
                  "back\\slash", "new\nline", "cr\rnul\x00eof\x1a", "\ud800lone"]),
        ("bytes", [b"", b"a", b"\x00\xff" * 200, bytes(range(256))]),
        ("bytearray", [bytearray(), bytearray(b"abc")]),
        ("tuples", [(), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), ((),), (one, one),
                    (one, tuple(["a"]))]),
        ("lists", [[], [1], [1, 2], list(range(999)), list(range(1000)), list(range(1001)),
                   list(range(2500))]),
        ("dicts", [{}, {1: 2}, {"a": 1, "b": 2}, {i: str(i) for i in range(999)},
                   {i: i for i in range(1000)}, {i: -i for i in range(1001)}]),
        ("sets", [set(), {1}, {1, 2, 3}, set(range(1000)), set(range(1003))]),
        ("frozensets", [frozenset(), frozenset([1, 2]), frozenset(range(1200))]),
        ("shared", [shared, shared, (shared, shared)]),
        ("recursive_list", rec),
        ("recursive_dict", d),
        ("types", [int, str, type(None), type(Ellipsis), type(NotImplemented), Plain,
                   Outer.Inner, collections.OrderedDict]),
        ("functions", [top_function, len, math.sqrt, functools.reduce]),
        ("instances", [Plain(), Plain([1], {"k": (2,)}), Slotted(3, 4), WithState(5, "b")]),
        ("newargs", [NewArgs(7, "seven"), NewArgsEx(1, 2, key="v")]),
        ("reduced", [Reduced(1), Reduced(Reduced("x"))]),
        ("subclasses", [ListLike([1, 2, 3]), DictLike(a=1), ListLike(range(2001)), ListLike([7]),
                        DictLike((i, i) for i in range(1500)), DictLike((i, i) for i in range(1000))]),
        ("stdlib", [collections.OrderedDict([("a", 1), ("b", 2)]), collections.deque([1, 2]),
                    collections.Counter("hello"), collections.defaultdict(list, {"k": [1]}),
                    Point(1, 2), Color.GREEN, fractions.Fraction(3, 7), decimal.Decimal("1.25"),
                    datetime.date(2024, 2, 29), datetime.time(4, 5, 6, 7),
                    datetime.timedelta(days=3, seconds=5), complex(1, -2), range(1, 10, 2),
                    slice(1, None, 3), Ellipsis, NotImplemented]),
        ("big_str", big_str),
        ("big_bytes", b"\x01" * 70000),
        ("many_small", [str(i) for i in range(20000)]),
    ]
