"""list and tuple: every public method on ordinary and edge inputs."""
from _typetest import OBJ_SKIP, fmt, res, run_table, scrub, short, show  # noqa: F401

U = [()]
common = {
    "__len__": U, "__repr__": U, "__str__": U, "__iter__": U, "__reversed__": U,
    "count": [(1,), ("a",), ([],), (1.0,)],
    "index": [(1,), (1, 1), (1, -2), (1, 0, 1), ("zz",), (1, "x")],
    "__contains__": [(1,), ("a",), (None,)],
    "__getitem__": [(0,), (-1,), (100,), (slice(1, None, 2),), (slice(None, None, -1),), (slice(-100, 100),), ("x",), (2**70,)],
    "__add__": [([9],), ((9,),), ("x",)], "__mul__": [(0,), (2,), (-1,), ("x",)],
    "__rmul__": [(2,)], "__format__": [("",), ("x",)],
    "__eq__": [([1, 2],), ((1, 2),), ([],), (())], "__ne__": [([1, 2],)],
    "__lt__": [([1, 3],), ((1, 3),), ([],)], "__le__": [([1, 2, "a"],)], "__gt__": [([0],)], "__ge__": [([1, "b"],)],
    "__class_getitem__": [(int,), ((int, str),)],
}
LR = [[], [1, 2, "a"], [3, 1, 2, 1], ["b", "a", "é"], [[1], [0]], [1, "x", None]]
lt = dict(common)
lt.update({
    "__hash__": None, "__iadd__": [([5],), ("ab",), (3,)], "__imul__": [(2,), (0,), ("x",)],
    "__setitem__": [(0, "z"), (-1, 0), (9, 0), (slice(0, 1), [7, 8]), (slice(None, None, 2), [0]),
                    (slice(None, None, -1), "abcdef"[:0]), (slice(1, 2), 5), ("x", 1)],
    "__delitem__": [(0,), (-1,), (9,), (slice(None, None, 2),), (slice(None),), ("x",)],
    "__add__": [([9],), ((9,),), ("x",)],
    "append": [(1,), ([],)], "clear": U, "copy": U, "extend": [([1],), ("ab",), (range(2),), (5,)],
    "insert": [(0, "i"), (-1, "j"), (100, "k"), (-100, "l"), ("x", 1)],
    "pop": [(), (0,), (-1,), (100,), ("x",)], "remove": [(1,), ("zz",)], "reverse": U,
    "sort": U,
    "__init__": [(), ([5, 6],), ("xy",), (3,)],
})
run_table(list, LR, lt, OBJ_SKIP - {"__init__"}, mutable=True)
for l in LR:
    for kw in [{}, {"reverse": True}, {"key": str}, {"key": len}]:
        c = l.copy()
        show("%r.sort(**%r)" % (l, sorted(kw)), lambda: (c.sort(**kw), c))
show("sort extra arg", lambda: [].sort(1))
show("sort bad kw", lambda: [].sort(cmp=1))
show("sort mutated", lambda: (lambda L: L.sort(key=lambda x: L.append(x)))([3, 1, 2]))
# no None in the tuples: hash(None) is address-based in CPython 3.11
TR = [(), (1, 2, "a"), (3, 1, 2, 1), ("b", "a", "é"), ((1,), (0,)), (1, "x", 2.5)]
tt = dict(common)
tt.update({"__hash__": U, "__getnewargs__": U})
run_table(tuple, TR, tt, OBJ_SKIP)
for args in [(), ([1, 2],), ("ab",), ({"k": 1},), (range(3),), (5,), (None,), ([1], [2])]:
    show("list%s" % short(args), list, *args)
    show("tuple%s" % short(args), tuple, *args)
a = [1, 2]
a.append(a)
t = (a, 1)
print(a, t, [[]] * 3, (1,) * 0, tuple([]))
show("hash unhashable", hash, (1, [2]))
print(sorted([3, 1, 2], reverse=True), sorted(["b", "A", "a"], key=str.lower), sorted([(1, "b"), (1, "a")]))
show("sorted mixed", sorted, [1, "a"])
show("cmp mixed", lambda: [1] < ["a"])
print([1, 2, 3][::-1], [1, 2, 3][5:], (1, 2, 3)[-2:], list(reversed((1, 2))), [x * 2 for x in range(3)])
l = list(range(10)); del l[::3]; print(l)
l = list(range(5)); l[1:3] = "xyz"; print(l)
l = list(range(5)); l[::2] = [0, 0, 0]; print(l)
show("ext slice size", lambda: list(range(5)).__setitem__(slice(None, None, 2), [1]))
class L(list):
    pass
x = L([1, 2])
print(type(x + [3]), type(x[:1]), type(x * 2), repr(x), x == [1, 2], type(x.copy()))
class T(tuple):
    pass
y = T((1, 2))
print(type(y + (3,)), type(y[:1]), type(y * 1), repr(y), y == (1, 2), T.__mro__)
