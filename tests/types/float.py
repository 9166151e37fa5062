"""float: every public method and operator on ordinary and edge inputs."""
from _typetest import OBJ_SKIP, fmt, res, run_table, scrub, short, show  # noqa: F401

inf = float("inf")
nan = float("nan")
R = [0.0, -0.0, 1.5, -2.75, 1e300, 5e-324, inf, -inf, nan, 123456789.0]
# hash(nan) depends on the object address (CPython 3.10+): not printed
R_HASH = [x for x in R if x == x]
O = [(0,), (0.0,), (-0.0,), (2,), (-3.5,), (2**1100,), (inf,), (nan,), (1e-310,), ("x",), (None,)]
U = [()]
table = {
    "__abs__": U, "__bool__": U, "__float__": U, "__int__": U, "__neg__": U,
    "__pos__": U, "__trunc__": U, "__repr__": U, "__str__": U,
    "__getnewargs__": U, "__ceil__": U, "__floor__": U,
    "__round__": [(), (None,), (0,), (1,), (2,), (-1,), (-400,), (400,), (1.5,)],
    "__format__": [("",), ("g",), (".3",), ("e",), ("E",), (".0e",), ("f",),
                   (".2f",), ("%",), ("+.1%",), ("#g",), (",.2f",), ("_f",),
                   ("010.3f",), ("^12",), ("r",), ("x",), ("n",), (".20g",),
                   ("G",), ("z.1f",), ("a",), (".1",), (".0f",), ("=+12.3",)],
    "__add__": O, "__radd__": O, "__sub__": O, "__rsub__": O, "__mul__": O,
    "__rmul__": O, "__floordiv__": O, "__rfloordiv__": O, "__mod__": O,
    "__rmod__": O, "__divmod__": O, "__rdivmod__": O, "__truediv__": O,
    "__rtruediv__": O,
    "__pow__": [(0,), (2,), (-1,), (0.5,), (-0.5,), (inf,), (-inf,), (nan,), (1e10,), (3, 5), ("x",)],
    "__rpow__": [(0,), (2,), (-2,), (0.5,), (1,)],
    "__eq__": O, "__ne__": O, "__lt__": O, "__le__": O, "__gt__": O, "__ge__": O,
    "as_integer_ratio": U, "is_integer": U, "conjugate": U, "hex": U,
    "real": None, "imag": None,
}
run_table(float, R, table, OBJ_SKIP | {"fromhex", "__getformat__", "__hash__"})
print("hashes", [x.__hash__() for x in R_HASH])

for s in ["0x1p0", "0x1.8p1", "-0x1p-1074", "0x1p-1075", "0x1.fffffffffffffp1023",
          "0x1p1024", "inf", "-Infinity", "nan", " 0x10 ", "1", "0x.8", "0xg",
          "", "0x1.0000000000000801p0", "0X1P+2"]:
    show("fromhex(%r)" % s, float.fromhex, s)
show("__getformat__ double", float.__getformat__, "double")
show("__getformat__ float", float.__getformat__, "float")
show("__getformat__ x", float.__getformat__, "x")
for args in [(), ("1.5",), (" -1e3 ",), ("1_000.5",), ("1__0",), ("inf",),
             ("-nan",), ("infinity",), ("iNfIniTy",), ("1e400",), ("-1e400",),
             ("0x10",), ("",), ("١٫٥",), ("١.٥",), (b"2.5",), (bytearray(b"3"),),
             (10**400,), (True,), (None,), ("1e-400",), ("  12  ",), ("1.",),
             (".5",), (".",), ("e5",), ("1e",), ("+.5e+2",)]:
    show("float%s" % short(args), float, *args)
for x in [0.1, 0.2 + 0.1, 1/3, 1e16, 1e15, 1.0e22, 123456789012345678.0,
          1e-5, 1e-4, 0.0001234, 5e-324, 1.7976931348623157e308, 2.5, 3.5,
          -0.5, 1e100, 9007199254740993.0]:
    print(repr(x), str(x), "%s %r %g %e %f %.17g %10.3f|%-10.2e|" % (x, x, x, x, x, x, x, x))
print(round(2.5), round(3.5), round(-2.5), round(0.125, 2), round(0.375, 2), round(2.675, 2))
print(round(1e300, -299), round(-0.0), round(0.5), round(1.5), round(5e-324, 323))
show("round inf", round, inf)
show("round nan", round, nan)
show("int inf", int, inf)
show("int nan", int, nan)
show("div0", lambda: 1.0 / 0)
show("mod0", lambda: 1.0 % 0.0)
show("fdiv0", lambda: 1.0 // 0.0)
show("pow neg frac", lambda: (-8.0) ** (1/3))
show("pow 0 neg", lambda: 0.0 ** -1)
show("pow overflow", lambda: 10.0 ** 400)
show("mul overflow", lambda: 1e308 * 10)
show("int/int overflow", lambda: 2**1100 / 1)
show("float(2**1100)", float, 2**1100)
print(hash(0.5), hash(-0.0), hash(1e300), hash(inf), hash(-inf), hash(1.0) == hash(1), hash(2.5e-10))
print(-7.5 % 2, 7.5 % -2, -7.5 // 2, divmod(-7.5, 2), -0.0 % 5, 0.0 % -5, divmod(1e300, 1e-300)[1])
print(1e16 + 1, 0.1 * 3, 1 - 0.9, 2 ** 0.5, 10 ** -2, (-2) ** 2.0, 1.0 == 1, 0.1 + 0.2 == 0.3)
print(nan == nan, nan != nan, nan < 1, inf > 10**1000, 2**1100 > inf, 1.0 < 2**1100, float(2**53 + 1) == 2**53 + 1)
print(float.__mro__, (1.5).hex(), (-0.0).hex(), (0.1).as_integer_ratio(), inf.is_integer())
show("as_integer_ratio inf", inf.as_integer_ratio)
show("as_integer_ratio nan", nan.as_integer_ratio)
class F(float):
    pass
print(type(F(1.5) + 1), repr(F(2)), type(F.fromhex("0x1p1")), F.fromhex("0x1p1"), type(abs(F(-1))))
