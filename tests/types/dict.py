"""dict and its views: every public method on ordinary and edge inputs."""
from _typetest import OBJ_SKIP, fmt, res, run_table, scrub, short, show  # noqa: F401

U = [()]
R = [{}, {"a": 1, "b": 2}, {1: "x", 2.5: [1], (1, 2): None}, {"é": 0, "z": 1, "a": 2}]
table = {
    "__len__": U, "__repr__": U, "__str__": U, "__iter__": U, "__reversed__": U,
    "__hash__": None, "__format__": [("",), ("x",)],
    "__contains__": [("a",), (1,), ([],), (1.0,)],
    "__getitem__": [("a",), (1,), ("zz",), ([],), ((1, 2),)],
    "__setitem__": [("a", 9), ("new", 0), ([], 1)],
    "__delitem__": [("a",), ("zz",), ([],)],
    "__eq__": [({},), ({"a": 1, "b": 2},), ({"b": 2, "a": 1},), ([],)], "__ne__": [({},)],
    "__lt__": [({},)], "__le__": [({},)], "__gt__": [({},)], "__ge__": [({},)],
    "__or__": [({"a": 0, "c": 3},), ([("a", 1)],), ({},)], "__ror__": [({"a": 0, "q": 1},), (1,)],
    "__ior__": [({"a": 0, "c": 3},), ([("x", 1)],), (5,), ([1],)],
    "__class_getitem__": [(int,), ((str, int),)],
    "__init__": [(), ({"k": 1},), ([("k", 2)],), ([(1, 2, 3)],), ([1],), (5,)],
    "clear": U, "copy": U, "get": [("a",), ("zz",), ("zz", 0), ([],)],
    "items": U, "keys": U, "values": U,
    "pop": [("a",), ("zz",), ("zz", None), ([],)], "popitem": U,
    "setdefault": [("a",), ("zz",), ("zz", 5), ([],)],
    "update": [(), ({"a": 5},), ([("x", 1)],), ([(1,)],), (5,), ([[1, 2]],)],
    "fromkeys": [("ab",), ([1, 2], 0), (5,)],
}
run_table(dict, R, table, OBJ_SKIP - {"__init__"}, mutable=True)
show("update kw", lambda: (lambda d: (d.update({"a": 1}, b=2), d))({}))
show("dict kw", lambda: dict([("a", 1)], b=2, a=3))
show("update 2 args", lambda: {}.update({}, {}))
show("fromkeys sub", lambda: type(type("D", (dict,), {}).fromkeys("ab")))
class Miss(dict):
    def __missing__(self, k):
        return k * 2
m = Miss(a=1)
print(m["a"], m["zz"], m.get("zz"), "zz" in m, repr(m), type(m.copy()))

V = [{}.keys(), {"a": 1, "b": 2}.keys(), {"a": 1, "b": 2}.values(), {"a": 1, "b": 2}.items(), {1: 1}.items()]
for v in V:
    print(type(v).__name__, sorted(n for n in set(dir(v)) if n not in OBJ_SKIP))
    print(" ", repr(v), len(v), list(v), list(reversed(v)), "a" in v, ("a", 1) in v, 1 in v)
    for op in ["__and__", "__or__", "__xor__", "__sub__", "__rand__", "__ror__", "__rxor__", "__rsub__",
               "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__", "isdisjoint"]:
        for other in [{"a", "c"}, {("a", 1)}, [1, "b"], 5, {}.keys(), {"a": 0}.keys()]:
            meth = getattr(v, op, None)
            if meth is None:
                print("  no", op)
                break
            r = res(meth, other)
            if r.startswith("{") or r.startswith("set("):
                # sets print in hash order: sort for a stable line
                try:
                    r = "sorted " + fmt(sorted(meth(other), key=repr))
                except BaseException as e:
                    pass
            print(" ", op, short(other), "->", r)
    show("  mapping", lambda: dict(v.mapping) if hasattr(v, "mapping") else "no mapping")
    show("  hash", lambda: type(hash(v)).__name__)  # values views hash by address
d = {"a": 1}
k = d.keys()
it = iter(d)
d["b"] = 2
show("changed size", lambda: next(it))
print(k, len(k))
it = iter(d.items()); d.pop("a"); d["a"] = 1
show("changed keys", lambda: list(it))
show("items of dict in dict", lambda: {1: {2: 3}}.items())
d = {}
d[1] = 1; d[True] = 2; d[1.0] = 3
print(d, {0: 0, -0.0: 1, False: 2})
print(dict.fromkeys(range(3)), dict(zip("abc", range(3))), {**{"a": 1}, "b": 2, **{"a": 3}})
r = {}
r["self"] = r
print(r)
print(list({3: 0, 1: 0, 2: 0}), list(reversed({3: 0, 1: 0, 2: 0}.items())))
d = dict.fromkeys(range(20))
for i in range(0, 20, 2):
    del d[i]
d[100] = 1
print(list(d), d.popitem(), list(d.values())[:3])
