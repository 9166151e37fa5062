# min() and max() without key over an exact generator compare exact ints
# (and bools) or exact floats in the generator's own loop; anything else,
# and mixed families, are compared as before.  Results, which of equal
# items wins, errors and where the generator stops must be CPython's.
import math


def gen(items):
    for x in items:
        yield x


class K:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        log.append(("lt", self.v, getattr(other, "v", other)))
        return self.v < getattr(other, "v", other)

    def __gt__(self, other):
        log.append(("gt", self.v, getattr(other, "v", other)))
        return self.v > getattr(other, "v", other)

    def __repr__(self):
        return "K(%r)" % self.v


log = []
cases = [
    [3, 1, 2],
    [1.5, -2.5, 0.0, -0.0],
    [0.0, -0.0],
    [-0.0, 0.0],
    [float("nan"), 1.0, 2.0],
    [1.0, float("nan"), 0.5],
    [True, 1, False, 0],
    [1, True],
    [2 ** 100, -2 ** 100, 5],
    [1, 2.5, 2 ** 80, 0.5],
    [3, K(2), 1],
    [1, 1.0],
    [1.0, 1],
    [5],
]
for c in cases:
    for fn in (min, max):
        r = fn(gen(c))
        print(fn.__name__, repr(r), type(r).__name__, log)
        log.clear()
        r2 = fn(gen(c), key=lambda x: -x if not isinstance(x, K) else -x.v)
        print("  key", repr(r2), log)
        log.clear()

print(min(gen([]), default="empty"), max(gen([]), default=None))
try:
    min(gen([]))
except ValueError as e:
    print("ValueError", e)
try:
    max(gen([1, "a"]))
except TypeError as e:
    print("TypeError", e)


def raising():
    yield 1
    yield 2
    raise KeyError("k")


try:
    max(raising())
except KeyError as e:
    print("KeyError", e)

print(max(x * 0.5 for x in range(10 ** 5)), min(x % 977 - 400 for x in range(10 ** 5)))
print(math.isnan(max(gen([float("nan"), 5.0]))))
