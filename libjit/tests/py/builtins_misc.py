"""Builtins on ordinary values: the everyday calls, compared with CPython."""


class Idx:
    def __index__(self):
        return 10


class Rnd:
    def __round__(self, n=None):
        return ("round", n)


print(abs(-3), abs(-2.5), abs(3 + 4j), abs(True))
print(bin(Idx()), hex(Idx()), oct(Idx()), bin(0), hex(-1), oct(-8))
print(divmod(7, 3), divmod(-7, 3), divmod(7.5, 2), divmod(-7.5, 2))
print(pow(2, -1), pow(-2, 3), pow(3, 4, 5), pow(2.0, 0.5), pow(-8, 1 / 3).real > 0)
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(3.14159, 3), round(1234, -2))
print(round(Rnd()), round(Rnd(), 2), round(2.5, None))
print(sum([0.1] * 10), sum([[1], [2]], []), sum(range(101)), sum((), 5))
print(max("abc"), min([3, 1, 2]), max([1, 3, 2], key=lambda v: -v), min((), default="e"))
print(max([(1, "b"), (1, "a")]), min(["bb", "a", "cc"], key=len), max(["bb", "a", "cc"], key=len))
print(sorted("hello"), sorted([3, 1, 2], reverse=True), sorted({"b": 1, "a": 2}))
print(sorted([("b", 1), ("a", 1), ("c", 0)], key=lambda p: p[1]))
print(any(x > 2 for x in range(5)), all(x < 5 for x in range(5)), any([]), all([0]))
print(chr(97), chr(0x1F600) == "\U0001F600", ord("a"), ord("\u20ac"))
print(repr("a\nb"), ascii("naïve ☃"), format(3.14159, ".2f"), format("x", ">3"), format(7))
print(len("héllo"), len([1, 2]), len({}), len(range(10)), len(b"abc"))
print(callable(print), callable(None), callable(int), callable(lambda: 0))
print(isinstance(1, (str, int)), isinstance("s", str), issubclass(bool, (int, str)))
print(hash(1) == hash(1.0), hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)))
a, b = object(), object()
print(id(a) != id(b), id(a) == id(a))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "done"))
calls = [0]


def counter():
    calls[0] += 1
    return calls[0]


print(list(iter(counter, 4)))
print(list(enumerate("ab", 1)), list(zip("ab", [1, 2, 3])), list(map(abs, [-1, -2])))
print(list(filter(None, [0, 1, "", "x"])), list(reversed([1, 2, 3])), list(range(5, 0, -2)))
print(set([3, 1, 2]) == {1, 2, 3}, frozenset("aa"), bytes(3), bytearray(b"ab"), complex(1, 2))
print(slice(1, 5, 2), type(1), type("x").__name__, object().__class__.__name__)
print(int("42"), float("1.5"), str(12), bool(""), tuple("ab"), list("ab"), dict(a=1))


class P:
    def __init__(self):
        self._x = 1

    @property
    def x(self):
        return self._x

    @staticmethod
    def s():
        return "static"

    @classmethod
    def c(cls):
        return cls.__name__


p = P()
print(p.x, P.s(), P.c(), getattr(p, "x"), hasattr(p, "y"), getattr(p, "y", None))
setattr(p, "y", 5)
print(p.y, vars(p))
delattr(p, "y")
print(hasattr(p, "y"))
try:
    delattr(p, "y")
except AttributeError as e:
    print("AttributeError", e)
print(type("Dyn", (), {"v": 3})().v, __import__("sys").__name__)
print(NotImplemented, Ellipsis, ..., None, True, False, __debug__)
print(issubclass(ModuleNotFoundError, ImportError), EnvironmentError is OSError)
print([n for n in dir(__builtins__) if n.startswith("Z")], "print" in dir(__builtins__))
