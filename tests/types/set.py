"""set: every public method on ordinary and edge inputs (sets print sorted or in
PYTHONHASHSEED=0 order, which for small ints and strings is deterministic)."""
from _typetest import OBJ_SKIP, fmt, res, run_table, scrub, short, show  # noqa: F401

T = set
U = [()]
R = [T(), T({1, 2, 3}), T("abc"), T({1, "a", (1, 2)}), T(range(20))]
O = [(set(),), ({1, 5},), (frozenset("ab"),), ([1, "a"],), ("bc",), ({1: 0},), (5,), ([[]],)]
M = [(), ({1, 5},), ({1}, "ab"), ([2], range(3)), (5,)]
table = {
    "__len__": U, "__repr__": U, "__str__": U, "__iter__": U, "__format__": [("",), ("x",)],
    "__contains__": [(1,), ("a",), ([],), (1.0,), (T({1}),), (set(),)],
    "__and__": O, "__rand__": O, "__or__": O, "__ror__": O, "__xor__": O, "__rxor__": O,
    "__sub__": O, "__rsub__": O,
    "__eq__": O, "__ne__": O, "__lt__": O, "__le__": O, "__gt__": O, "__ge__": O,
    "__class_getitem__": [(int,)],
    "copy": U, "difference": M, "intersection": M, "union": M, "symmetric_difference": O,
    "isdisjoint": O, "issubset": O, "issuperset": O,
}
if T is set:
    table.update({
        "__hash__": None, "__iand__": O, "__ior__": O, "__ixor__": O, "__isub__": O,
        "__init__": [(), ("xy",), (5,)],
        "add": [(1,), ("z",), ([],)], "clear": U, "discard": [(1,), ("zz",), ([],), (T(),)],
        "remove": [(1,), ("zz",), ([],), (frozenset({1, 2, 3}),)], "pop": U,
        "difference_update": M, "intersection_update": M, "update": M,
        "symmetric_difference_update": O,
    })
else:
    table.update({"__hash__": U})
run_table(T, R, table, OBJ_SKIP - ({"__init__"} if T is set else set()) | {"__reduce__"}, mutable=T is set)
for args in [(), ("abca",), ([1, 1, 2],), ({"k": 1},), (5,), ([[1]],), (None,), ("a", "b")]:
    show("%s%s" % (T.__name__, short(args)), T, *args)
s = T([1, 2])
show("kw", lambda: T(iterable=[1]))
print(T("ab") == frozenset("ab"), {frozenset({1}): 1}[frozenset({1})], T([1]) | frozenset([2]), frozenset([2]) | T([1]))
print(type(T("a") | frozenset("b")).__name__, type(frozenset("b") | T("a")).__name__, type(T("a") & set("b")).__name__)
print(T([True, 1, 1.0]), T([0, -0.0, False]), len(T(range(1000))), sorted(T(["b", "a"])))
show("set of set", lambda: T([set()]))

print(repr(T()), repr(T([()])))
class Sub(T):
    pass
x = Sub([1, 2])
print(type(x | {3}).__name__, type(x.copy()).__name__, repr(x), x == {1, 2}, Sub.__mro__)
print(hash(frozenset()), hash(frozenset([1, 2, 3])), hash(frozenset(["a"])) == hash(frozenset(["a"])))
