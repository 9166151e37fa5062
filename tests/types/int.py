"""int: every public method and operator on ordinary and edge inputs."""
from _typetest import OBJ_SKIP, fmt, res, run_table, scrub, short, show  # noqa: F401

R = [0, 1, -7, 255, 2**100, -(2**70) + 3]
O = [(0,), (3,), (-2,), (2**65,), (1.5,), (True,), ("x",), (None,)]
SH = [(0,), (3,), (-1,), (100,), (2**70,), (1.5,)]
U = [()]
table = {
    "__abs__": U, "__bool__": U, "__ceil__": U, "__float__": U, "__floor__": U,
    "__index__": U, "__int__": U, "__invert__": U, "__neg__": U, "__pos__": U,
    "__trunc__": U, "__repr__": U, "__str__": U, "__getnewargs__": U,
    "__hash__": U,
    "__class__": None, "__getstate__": U,
    "__round__": [(), (None,), (0,), (-1,), (-2,), (2,), (-101,), (1.5,)],
    "__format__": [("",), ("d",), ("x",), ("#X",), ("#o",), ("#b",), ("+,",),
                   ("_",), ("08d",), ("^12",), ("e",), ("%",), ("c",), ("s",),
                   (",x",), ("_x",), ("n",), (".2f",), ("=+10",), (5,)],
    "__add__": O, "__radd__": O, "__sub__": O, "__rsub__": O, "__mul__": O,
    "__rmul__": O, "__floordiv__": O, "__rfloordiv__": O, "__mod__": O,
    "__rmod__": O, "__divmod__": O, "__rdivmod__": O, "__truediv__": O,
    "__rtruediv__": O, "__and__": O, "__rand__": O, "__or__": O, "__ror__": O,
    "__xor__": O, "__rxor__": O,
    "__pow__": [(0,), (2,), (-1,), (-2,), (0.5,), (3, 5), (-1, 7), (2, 0), (2, -3), ("x",)],
    "__rpow__": [(0,), (1,), (-1,), (0.5,), (2, 5)],
    "__lshift__": SH, "__rlshift__": SH, "__rshift__": SH, "__rrshift__": SH,
    "__eq__": O, "__ne__": O, "__lt__": O, "__le__": O, "__gt__": O, "__ge__": O,
    "as_integer_ratio": U, "bit_count": U, "bit_length": U, "conjugate": U,
    "denominator": None, "numerator": None, "real": None, "imag": None,
    "to_bytes": [(), (2,), (2, "big"), (2, "little"), (20, "big"),
                 (2, "big", True), (20, "little", True), (1, "middle"),
                 (-1,)],
    "from_bytes": [(b"",), (b"\x01\x00", "big"), (b"\x01\x00", "little"),
                   (b"\xff\xff", "big", True), ([1, 2],), ("ab",),
                   (b"\x80" * 20, "little", True)],
}
run_table(int, R, table, OBJ_SKIP)

# construction
for args in [(), (0,), ("12",), (" -12_000 ",), ("0x1f", 16), ("0x1f", 0),
             ("1f", 16), ("z", 36), ("0b101", 0), ("0o17", 0), ("017", 0),
             ("12", 1), ("12", 37), ("", 10), ("1__2",), ("_1",), ("١٢٣",),
             (3.99,), (-3.99,), (1e30,), (float("inf"),), (float("nan"),),
             (b"42",), (bytearray(b"7"),), ("9" * 5000,), (None,), ([],),
             (True,), ("12", "10"), (12, 10), ("+0",), ("-0",), ("0_0",)]:
    show("int%s" % short(args), int, *args)
show("int(x=3)", int, x=3)
show("int('3', base=4)", int, "3", base=4)
show("bigpow str", lambda: len(str(7 ** 3000)))
show("bigpow hex", lambda: hex(7 ** 300)[:40])
show("int too big str", lambda: str(10 ** 5000)[:10])
show("descriptor", int.__add__, "x", 1)
show("descriptor2", int.bit_length, 3.0)
show("unbound", int.bit_length, -255)
for x in [0, 1, -1, 2**31, 2**63, -(2**63), 2**64 - 1, 2**1000, -(2**61) + 1, 2**61 - 1]:
    print(x.bit_length(), hash(x), hex(x)[:30], oct(x)[:30], bin(x)[:30], str(x)[:40])
print(divmod(-7, 2), divmod(7, -2), -7 // 2, -7 % 2, 7 % -2, (-2**100) // 3, (-2**100) % 7)
print(pow(3, -1, 7), pow(10, 100, 97), pow(2, 10**6, 10**9 + 7))
show("pow no inverse", pow, 2, -1, 4)
show("pow mod 0", pow, 2, 3, 0)
show("pow float mod", pow, 2, 3, 1.5)
show("div0", lambda: 1 // 0)
show("mod0", lambda: 1 % 0)
show("tdiv0", lambda: 1 / 0)
show("tdiv big", lambda: 2**2000 / 3)
show("tdiv big2", lambda: 2**2000 / 2**1990)
show("neg shift", lambda: 1 << -1)
show("huge shift", lambda: 1 << 2**70)
show("shift big right", lambda: -1 >> 2**70)
print(round(15, -1), round(25, -1), round(-25, -1), round(12345, -2))
print(True + 1, 5 .real, (5).conjugate(), int.__mro__)
print(isinstance(True, int), issubclass(bool, int), int.__name__, int.__qualname__)
class MyInt(int):
    pass
m = MyInt(5)
print(type(m + 1), type(-m), type(abs(m)), repr(m), m == 5, MyInt("ff", 16))
print(type(int(m)), int.from_bytes.__name__, MyInt.from_bytes(b"\x01", "big"), type(MyInt.from_bytes(b"\x01", "big")))

# int.from_bytes reads its argument as bytes(x) except that a str or an int count is refused
for x in ["ab", 5, [1, 2], (3,), b"\x01", bytearray(b"\x02"), iter([4]), 2.5, None]:
    try:
        print(int.from_bytes(x, "big"))
    except Exception as e:
        print(type(e).__name__, e)
class B:
    def __bytes__(self): return b"\x07"
class BB:
    def __bytes__(self): return "x"
class IX:
    def __index__(self): return 3
    def __iter__(self): return iter([9])
for x in [B(), BB(), IX()]:
    try:
        print(int.from_bytes(x, "big"))
    except Exception as e:
        print(type(e).__name__, e)
show("from_bytes memoryview", int.from_bytes, memoryview(b"\x01\x02"), "big")
show("from_bytes memoryview slice", int.from_bytes, memoryview(b"\x01\x02\x03")[::2], "little")
