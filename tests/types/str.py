"""str: every public method on ordinary and edge inputs (empty, unicode, wrong types)."""
from _typetest import OBJ_SKIP, fmt, res, run_table, scrub, short, show  # noqa: F401

R = ["", "abc", "Hello, World", "  x y\tz\n", "ǅungla ß ﬁ İ", "a\u0300\u00e9\U0001f600", "١٢3", "A1_b"]
U = [()]
table = {
    "__len__": U, "__repr__": U, "__str__": U, "__hash__": U, "__iter__": U,
    "__getnewargs__": U,
    "capitalize": U, "casefold": U, "lower": U, "upper": U, "swapcase": U, "title": U,
    "isalnum": U, "isalpha": U, "isascii": U, "isdecimal": U, "isdigit": U,
    "isidentifier": U, "islower": U, "isnumeric": U, "isprintable": U,
    "isspace": U, "istitle": U, "isupper": U,
    "center": [(9,), (10, "*"), (-1,), (3, "ab"), ("x",)],
    "ljust": [(9,), (10, "é")], "rjust": [(9, "-"), (0,)],
    "zfill": [(6,), (-3,)],
    "count": [("",), ("l",), ("l", 3), ("l", -5, -1), (1,)],
    "find": [("",), ("o",), ("o", 5), ("o", 5, 6), ("zz",), ("é",), (None,)],
    "rfind": [("",), ("o",), ("l", 0, 4)],
    "index": [("",), ("o",), ("zz",)], "rindex": [("l",), ("zz",)],
    "startswith": [("",), ("He",), (("x", "a"),), ("l", 2), ([],), (1,)],
    "endswith": [("",), ("ld",), (("z", "\n"),), ("l", 0, 4)],
    "encode": [(), ("utf-8",), ("ascii",), ("ascii", "ignore"), ("ascii", "replace"),
               ("ascii", "xmlcharrefreplace"), ("ascii", "backslashreplace"),
               ("latin-1",), ("utf-16-le",), ("utf-32-be",), ("nope",), ("utf-8", "strict")],
    "expandtabs": [(), (4,), (0,), (-1,)],
    "format": [(), (1, 2), ("x",)], "format_map": [({},), ({"x": 1},), (1,)],
    "join": [([],), (["a", "b"],), ("xyz",), ([1],), (["a", b"b"],)],
    "lstrip": [(), ("H",), (None,), ("lo, WHe",)], "rstrip": [(), ("\n",)],
    "strip": [(), ("xyz ",), (1,)],
    "partition": [(",",), ("l",), ("",), ("zz",)], "rpartition": [("l",), ("zz",)],
    "removeprefix": [("",), ("He",), ("abc",)], "removesuffix": [("ld",), ("",)],
    "replace": [("l", "L"), ("", "-"), ("l", "", 1), ("l", "L", -1), ("l", "L", 0), ("a", 1)],
    "split": [(), (None,), (",",), ("l",), ("l", 1), (" ", 0), ("",), (None, 1)],
    "rsplit": [(), ("l", 1), (None, 1)],
    "splitlines": [(), (True,)],
    "translate": [({},), ({97: "A", 98: None, 99: 100},), ({ord("l"): "LL"},), (1,)],
    "maketrans": [({"a": "b"},), ("ab", "cd"), ("ab", "c"), ("a", "b", "c"), ({1.5: "x"},)],
    "__add__": [("x",), ("",), (1,), (None,)], "__mul__": [(0,), (3,), (-1,), (2.0,)],
    "__rmul__": [(2,)], "__mod__": [((),), ("x",), ((1, 2),)],
    "__rmod__": [("%s",)], "__contains__": [("",), ("l",), (1,)],
    "__getitem__": [(0,), (-1,), (100,), (slice(1, None, 2),), (slice(None, None, -1),), ("x",)],
    "__format__": [("",), ("s",), (">10",), ("^9.2",), ("d",), ("x<7",), (5,)],
    "__eq__": [("abc",), ("",), (1,)], "__ne__": [("abc",)],
    "__lt__": [("abd",), ("",), (1,)], "__le__": [("abc",)], "__gt__": [("ab",)], "__ge__": [("b",)],
}
run_table(str, R, table, OBJ_SKIP)
for args in [(), (1,), (b"ab",), (b"ab", "ascii"), (b"\xff", "utf-8"), (b"\xff", "utf-8", "replace"),
             (b"\xff", "latin-1"), ("x", "utf-8"), ([1, "a"],), (None,), (1.5,)]:
    show("str%s" % short(args), str, *args)
show("str(object=)", lambda: str(object=5))
show("str(bytes, errors)", lambda: str(b"a\xffb", errors="ignore"))
print([c for c in "a\u0300ß"], len("\U0001f600"), ord("\U0001f600"), chr(0x10ffff) == "\U0010ffff")
show("chr big", chr, 0x110000)
show("ord 2", ord, "ab")
print("ß".upper(), "ǅ".lower(), "ǅ".upper(), "ǆ".title(), "ﬁ".upper(), "ΣΑΣ".lower(), "İ".lower().encode())
print("a".join("xyz"), "%-5s|%5.2s|" % ("ab", "xyz"), "%c%c" % (65, "b"), "%(k)s" % {"k": 1})
show("% too few", lambda: "%s %s" % (1,))
show("% too many", lambda: "%s" % (1, 2))
show("% bad", lambda: "%y" % 1)
show("%d str", lambda: "%d" % "x")
print("{0!r:>10}{1:+.3f}{2[0]}{3.real}".format("a", 2, [9], 4j), "{:{w}}".format(1, w=5))
show("format missing", lambda: "{}{}".format(1))
show("format key", lambda: "{x}".format())
show("format bad", lambda: "{".format())
print(sorted(["b", "a", "B", "é", "", "ab"]), "abc" * 0, -1 * "x", max("hello"), min("hello"))
print(hash("") , hash("abc") == hash("abc"), "abc".__hash__() == hash("abc"))
class S(str):
    pass
s = S("Ab")
print(type(s + "x"), type(s.lower()), type(s[0]), type(str(s)), repr(s), s == "Ab", type(s * 1))

# str iterators: str_ascii_iterator for an exact ASCII str, __setstate__ clamps
for s in ["", "abc", "é", "\U0001f600x"]:
    it = iter(s)
    print(type(it).__name__, it.__length_hint__(), list(it), it.__length_hint__(), sorted(n for n in dir(it) if not n.startswith("__") or n in ("__setstate__", "__length_hint__")))
class S(str): pass
print(type(iter(S("ab"))).__name__, list(iter(S("ab"))))
it = iter("aé"); it.__setstate__(-5); print(list(it))
it = iter("abc"); it.__setstate__(10); print(list(it))
it = iter("abc"); it.__setstate__(1); print(list(it))
