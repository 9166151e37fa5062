"""iterator types: enumerate, zip, map, filter, reversed, iter(callable, sentinel), and friends."""
from _typetest import OBJ_SKIP, fmt, res, run_table, scrub, short, show  # noqa: F401

def drain(it, n=10):
    out = []
    try:
        for _ in range(n):
            out.append(next(it))
    except StopIteration:
        out.append("<stop>")
    except BaseException as e:
        out.append("!%s: %s" % (type(e).__name__, e))
    return out

for T in [enumerate, zip, map, filter, reversed]:
    print(T.__name__, sorted(n for n in set(dir(T)) if n not in OBJ_SKIP), T.__module__)
cases = [
    ("enumerate('abc')", lambda: enumerate("abc")),
    ("enumerate('abc', 5)", lambda: enumerate("abc", 5)),
    ("enumerate('abc', -2)", lambda: enumerate("abc", -2)),
    ("enumerate('ab', 2**64)", lambda: enumerate("ab", 2**64)),
    ("enumerate([], start=1)", lambda: enumerate([], start=1)),
    ("enumerate(iterable=)", lambda: enumerate(iterable="x")),
    ("enumerate(5)", lambda: enumerate(5)),
    ("enumerate('a', 'b')", lambda: enumerate("a", "b")),
    ("enumerate('a', 1.5)", lambda: enumerate("a", 1.5)),
    ("enumerate()", lambda: enumerate()),
    ("zip()", lambda: zip()),
    ("zip('ab', [1,2,3])", lambda: zip("ab", [1, 2, 3])),
    ("zip('ab', 'cd', 'ef')", lambda: zip("ab", "cd", "ef")),
    ("zip strict ok", lambda: zip("ab", "cd", strict=True)),
    ("zip strict short 1", lambda: zip("a", "cd", strict=True)),
    ("zip strict short 2", lambda: zip("ab", "c", strict=True)),
    ("zip strict 3", lambda: zip("ab", "cd", "e", strict=True)),
    ("zip(1)", lambda: zip(1)),
    ("zip bad kw", lambda: zip("a", foo=1)),
    ("map(str, [1, 2])", lambda: map(str, [1, 2])),
    ("map(pow, [2, 3], [3, 2, 1])", lambda: map(pow, [2, 3], [3, 2, 1])),
    ("map(None, [1])", lambda: map(None, [1])),
    ("map(str)", lambda: map(str)),
    ("map(str, 5)", lambda: map(str, 5)),
    ("map div0", lambda: map(lambda x: 1 // x, [1, 0, 2])),
    ("filter(None, ...)", lambda: filter(None, [0, 1, "", "a", None, [], [0]])),
    ("filter(str.isdigit, 'a1b2')", lambda: filter(str.isdigit, "a1b2")),
    ("filter(None, 5)", lambda: filter(None, 5)),
    ("filter()", lambda: filter()),
    ("filter kw", lambda: filter(None, [], x=1)),
    ("reversed([1,2,3])", lambda: reversed([1, 2, 3])),
    ("reversed('abc')", lambda: reversed("abc")),
    ("reversed(range(3))", lambda: reversed(range(3))),
    ("reversed((1,2))", lambda: reversed((1, 2))),
    ("reversed({1:2})", lambda: reversed({1: 2, 3: 4})),
    ("reversed({1:2}.items())", lambda: reversed({1: 2, 3: 4}.items())),
    ("reversed({1})", lambda: reversed({1})),
    ("reversed(iter([]))", lambda: reversed(iter([]))),
    ("reversed(5)", lambda: reversed(5)),
    ("reversed(b'ab')", lambda: reversed(b"ab")),
    ("reversed(bytearray)", lambda: reversed(bytearray(b"ab"))),
    ("iter([1,2])", lambda: iter([1, 2])),
    ("iter((1,2))", lambda: iter((1, 2))),
    ("iter(range)", lambda: iter(range(2))),
    ("iter(big range)", lambda: iter(range(2**70, 2**70 + 2))),
    ("iter(set)", lambda: iter({7})),
    ("iter(dict)", lambda: iter({7: 8})),
    ("iter(dict.values())", lambda: iter({7: 8}.values())),
    ("iter(dict.items())", lambda: iter({7: 8}.items())),
    ("iter(b'')", lambda: iter(b"x")),
    ("iter(bytearray)", lambda: iter(bytearray(b"x"))),
    ("iter(callable, sentinel)", lambda: iter([3, 2, 1, 0, 5].pop, 1)),
    ("iter(5)", lambda: iter(5)),
    ("iter(5, 5)", lambda: iter(5, 5)),
    ("iter getitem", lambda: iter(type("G", (), {"__getitem__": lambda s, i: "xyz"[i]})())),
    ("iter(None-iter)", lambda: iter(type("N", (), {"__iter__": None})())),
    ("iter bad __iter__", lambda: iter(type("B", (), {"__iter__": lambda s: 5})())),
]
for label, make in cases:
    try:
        it = make()
    except BaseException as e:
        print(label, "-> !%s: %s" % (type(e).__name__, e))
        continue
    name = type(it).__name__
    hint = res(lambda: it.__length_hint__()) if hasattr(it, "__length_hint__") else "-"
    print(label, "->", name, "hint", hint, "iter is self", iter(it) is it, drain(it), "again", drain(it, 2))
    print("   dir:", sorted(n for n in set(dir(it)) if n not in OBJ_SKIP))
it = enumerate("ab")
show("enumerate next twice", lambda: (next(it), next(it)))
show("next default", next, iter([]), "dflt")
show("next non-iter", next, [1])
show("next no args", next)
show("__next__", lambda: iter([1]).__next__())
show("setstate list", lambda: (lambda i: (i.__setstate__(2), list(i)))(iter([1, 2, 3, 4])))
show("setstate reversed", lambda: (lambda i: (i.__setstate__(0), list(i)))(reversed([1, 2, 3])))
show("setstate range", lambda: (lambda i: (i.__setstate__(1), list(i)))(iter(range(4))))
show("setstate tuple neg", lambda: (lambda i: (i.__setstate__(-5), list(i)))(iter((1, 2))))
show("list iter mutation", lambda: (lambda L, i: (next(i), L.append(9), list(i)))(*(lambda L: (L, iter(L)))([1, 2])))
show("set iter mutation", lambda: (lambda S, i: (next(i), S.add(99), list(i)))(*(lambda S: (S, iter(S)))({1, 2})))
show("reversed list shrink", lambda: (lambda L, i: (next(i), L.clear(), list(i)))(*(lambda L: (L, reversed(L)))([1, 2, 3])))
show("zip lengths", lambda: list(zip(range(3), "abcd", [0] * 2)))
show("map lazy", lambda: list(map(len, ["a", "bb", ""])))
show("enumerate tuple reuse", lambda: [tuple(p) for p in enumerate("xy")])
show("sum", lambda: (sum(range(101)), sum([0.1] * 10), sum([[1], [2]], []), sum((), 5)))
show("sum str", lambda: sum(["a"], ""))
show("min/max", lambda: (min([3, 1, 2]), max("abc"), min([], default=0), max([1, 2], key=lambda x: -x), min(1, 2, 3)))
show("min empty", lambda: min([]))
show("max mixed", lambda: max(1, "a"))
show("all/any", lambda: (all([]), any([]), all([1, 0]), any(iter([0, 2]))))
show("sorted gen", lambda: sorted(x % 3 for x in range(7)))
show("list(gen) error", lambda: list(1 // x for x in [1, 0]))

# enumerate's own argument handling (exact type) and object's __ne__ for the singletons
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
t(lambda: enumerate(start=1))
t(lambda: list(enumerate(start=1, iterable="a")))
t(lambda: enumerate("a", start=1, x=2))
t(lambda: enumerate("a", x=2))
t(lambda: enumerate(x=2))
t(lambda: enumerate(*[], **{}))
t(lambda: enumerate.__new__(enumerate))
t(lambda: enumerate.__new__(enumerate, start=1))
class E(enumerate): pass
t(lambda: E())
t(lambda: E(start=1))
t(lambda: enumerate())
t(lambda: enumerate(start=1))
t(lambda: enumerate(1, 2, 3))
t(lambda: enumerate("a", 2, x=3))
t(lambda: enumerate[int])
t(lambda: type(...)(1))
t(lambda: type(None)(1))
t(lambda: type(NotImplemented)(1))
t(lambda: None.__ne__(None))
t(lambda: None.__ne__(1))
t(lambda: Ellipsis.__ne__(Ellipsis))
t(lambda: NotImplemented.__ne__(NotImplemented))
t(lambda: object().__ne__(1))
o = object()
t(lambda: o.__ne__(o))
t(lambda: (1).__ne__(1))
