"""The bytes/bytearray method table and edge cases, run once per type by
bytes.py and bytearray.py (a module, not a test: the leading underscore
keeps tools/difftest.py from running it)."""
from _typetest import OBJ_SKIP, fmt, res, run_table, scrub, short, show  # noqa: F401


def main(T):
    R = [T(b""), T(b"abc"), T(b"Hello, World"), T(b"  x y\tz\n"), T(b"\x00\xff\x80"), T(b"aBc1_ \xe9")]
    U = [()]
    table = {
        "__len__": U, "__repr__": U, "__str__": U, "__iter__": U,
        "capitalize": U, "lower": U, "upper": U, "swapcase": U, "title": U,
        "isalnum": U, "isalpha": U, "isascii": U, "isdigit": U, "islower": U,
        "isspace": U, "istitle": U, "isupper": U,
        "center": [(9,), (10, b"*"), (3, b"ab"), (8, "x")],
        "ljust": [(9,), (10, bytearray(b"-"))], "rjust": [(9, b"-"), (0,)],
        "zfill": [(6,), (-3,)],
        "count": [(b"",), (b"l",), (108,), (b"l", 3), (256,), ("l",)],
        "find": [(b"",), (b"o",), (111,), (b"o", 5, 6), (b"zz",), (-1,), ("o",)],
        "rfind": [(b"",), (b"o",), (b"l", 0, 4)],
        "index": [(b"",), (b"o",), (b"zz",)], "rindex": [(b"l",), (b"zz",)],
        "startswith": [(b"",), (b"He",), ((b"x", b"a"),), (b"l", 2), ("H",), ([],)],
        "endswith": [(b"",), (b"ld",), ((b"z", b"\n"),)],
        "decode": [(), ("utf-8",), ("ascii",), ("ascii", "ignore"), ("utf-8", "replace"),
                   ("latin-1",), ("utf-8", "backslashreplace"), ("utf-8", "surrogateescape"), ("nope",)],
        "expandtabs": [(), (4,)],
        "join": [([],), ([b"a", b"b"],), ([b"a", bytearray(b"b")],), (["a"],), ([1],)],
        "lstrip": [(), (b"H",), (None,)], "rstrip": [(), (b"\n",)],
        "strip": [(), (b"xyz ",), ("x",)],
        "partition": [(b",",), (b"l",), (b"",), (b"zz",)], "rpartition": [(b"l",), (b"zz",)],
        "removeprefix": [(b"",), (b"He",)], "removesuffix": [(b"ld",), (b"",)],
        "replace": [(b"l", b"L"), (b"", b"-"), (b"l", b"", 1), ("l", "L")],
        "split": [(), (None,), (b",",), (b"l",), (b"l", 1), (b"",), (None, 1)],
        "rsplit": [(), (b"l", 1), (None, 1)],
        "splitlines": [(), (True,)],
        "translate": [(None,), (None, b"lo"), (bytes(range(255, -1, -1)),), (b"short",)],
        "maketrans": [(b"ab", b"cd"), (b"ab", b"c"), ("a", "b")],
        "hex": [(), (":",), ("-", 2), ("-", -2), (b"|", 3), ("", 1), ("ab",)],
        "fromhex": [("",), ("61 62",), ("6162 ",), ("zz",), ("6",), (b"61",)],
        "__add__": [(b"x",), (bytearray(b"y"),), ("x",), (1,)], "__mul__": [(0,), (3,), (-1,), (2.0,)],
        "__rmul__": [(2,)], "__mod__": [((),), (b"x",), ((1, 2),)],
        "__rmod__": [(b"%s",)], "__contains__": [(b"",), (b"l",), (108,), (256,), ("l",)],
        "__getitem__": [(0,), (-1,), (100,), (slice(1, None, 2),), (slice(None, None, -1),), ("x",)],
        "__eq__": [(b"abc",), (bytearray(b"abc"),), ("abc",)], "__ne__": [(b"abc",)],
        "__lt__": [(b"abd",), (b"",), ("x",)], "__le__": [(b"abc",)], "__gt__": [(b"ab",)], "__ge__": [(b"b",)],
    }
    if T is bytes:
        table.update({"__hash__": U, "__getnewargs__": U, "__bytes__": U})
    else:
        table.update({"__hash__": None, "__iadd__": [(b"!",), ("x",)], "__imul__": [(2,), (0,)],
                      "__setitem__": [(0, 65), (0, 256), (slice(0, 2), b"XY"), (slice(None), b""), (9, 1), (0, "x")],
                      "__delitem__": [(0,), (slice(None, None, 2),), (50,)],
                      "append": [(33,), (256,), ("x",)], "clear": U, "copy": U,
                      "extend": [(b"ab",), ([1, 2],), ("s",), (range(3),)],
                      "insert": [(0, 65), (-1, 66), (100, 67), (0, 300)],
                      "pop": [(), (0,), (100,)], "remove": [(97,), (300,), (7,)],
                      "reverse": U})
    table["__format__"] = [("",), ("x",)]
    # __alloc__ is the allocated size, which is an implementation detail
    run_table(T, R, table, OBJ_SKIP | {"__alloc__"}, mutable=T is bytearray)
    if T is bytearray:
        print(bytearray(b"ab").__alloc__() >= 3)
    for args in [(), (3,), (-1,), ("abc",), ("abc", "ascii"), ("é", "ascii"), ("é", "ascii", "ignore"),
                 ([1, 2, 255],), ([256],), ([-1],), (range(3),), (b"xy",), (None,), (1.5,),
                 (iter([65, 66]),), ("x", 1), (3, "utf-8"), ([True],)]:
        show("%s%s" % (T.__name__, short(args)), T, *args)
    class B:
        def __bytes__(self):
            return b"from dunder"
    class BadB:
        def __bytes__(self):
            return "no"
    show("T(B())", T, B())
    show("T(BadB())", T, BadB())
    print(T(b"abc") == b"abc", T(b"a") < bytearray(b"b"), b"%s-%d-%x-%c-%r-%a" % (b"s", 5, 255, 65, b"q", "é"))
    show("% str", lambda: T(b"%s") % "x")
    show("% b", lambda: T(b"%b") % B())
    print(list(T(b"hi")), [x for x in reversed(T(b"hi"))], T(b"abc")[1], T(b"abc")[-1:])
    class Sub(T):
        pass
    s = Sub(b"ab")
    print(type(s + b"x"), type(s.lower()), type(s[0]), type(s[:1]), repr(s), s == b"ab", type(s * 1))

    # a non-contiguous memoryview: gathered by the constructor, refused by
    # join/concat (TypeError) and by the search methods (BufferError)
    m = memoryview(b"\x01\x02\x03")[::2]
    show("T(noncontig)", T, m)
    show("join noncontig", lambda: T(b"").join([m]))
    show("concat noncontig", lambda: T(b"a") + m)
    show("startswith noncontig", lambda: T(b"x").startswith(m))
    show("contiguous mv", lambda: (T(b"-").join([memoryview(b"ab")]), T(b"a") + memoryview(b"b"), T(memoryview(b"xy"))))
