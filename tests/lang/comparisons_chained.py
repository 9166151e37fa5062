"""Comparisons: chains, evaluation order, identity vs equality, mixed types."""


def val(x, log):
    log.append(x)
    return x


log = []
print(val(1, log) < val(2, log) < val(3, log), log)
log = []
print(val(3, log) < val(2, log) < val(1, log), log)
log = []
print(val(1, log) == val(1, log) != val(2, log), log)

x = 5
print(1 < x < 10, 1 < x > 4, 10 > x >= 5, x == 5 == 5.0, 0 <= x < 3)
print(1 < 2 > 1 < 2 != 3 == 3)

# in / not in / is / is not
print(2 in [1, 2], 3 not in (1, 2), None is None, [] is not [])
print("ab" in "xaby", "" in "abc", 1 in {1: 2}, 2 in {1: 2})
print(1 in [1] in [[1]])

# Mixed numeric comparisons
print(1 == 1.0, 1 == True, 0 == False, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(1 < 1.5 < 2, -0.0 == 0.0, float("nan") == float("nan"))
nan = float("nan")
print(nan < 1, nan > 1, nan != nan, [nan] == [nan])
print(10 ** 30 > 1e29, 10 ** 400 > 1e308, -(10 ** 400) < -1e308)
print(complex(1, 0) == 1, 1j == 1j)

# Sequence comparisons are lexicographic
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"))
print("abc" < "abd", "Z" < "a", "" < "a", "apple" > "app")
print(b"ab" < b"b", (1, 2) == (1, 2), [1] == (1,))

# Unorderable types
for a, b in [(1, "1"), ([1], (1,)), (None, None), ({}, {})]:
    try:
        print(a < b)
    except TypeError as e:
        print(type(e).__name__, e)

# Comparison protocol returns
class Weird:
    def __eq__(self, o):
        return "truthy string"

    def __lt__(self, o):
        return 0


w = Weird()
print(w == 1, w < 1, 1 == w)
print(not (w < 1))


class Loud:
    def __init__(self, n):
        self.n = n

    def __eq__(self, o):
        print("eq", self.n, getattr(o, "n", o))
        return NotImplemented


print(Loud(1) == Loud(2))
print(Loud(3) == 3)
print(Loud(4) != Loud(4))

# Sets and dicts compare by content
print({1, 2} == {2, 1}, {1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1} > set())
print({"a": 1, "b": 2} == {"b": 2, "a": 1})
try:
    print({} < {})
except TypeError as e:
    print(type(e).__name__, e)

# Identity shortcut in containers
class NeverEqual:
    def __eq__(self, o):
        return False


ne = NeverEqual()
print(ne in [ne], [ne] == [ne], ne == ne)

# max/min with ties keep first
print(max([(1, "a"), (1, "b")], key=lambda t: t[0]))
print(min([3, 1, 1.0], key=lambda v: v))
print(True + True, True < 2, False == 0.0)
