"""float arithmetic, repr, rounding, special values, conversions."""
print(0.1 + 0.2, 1.0, 1e16, 1e-5, 123456789012345678.0, 1.5e300 * 1e10, -1e-320)
print(repr(0.1), str(2.5), 1 / 3, 2 / 3, 100.0, 1e22, 1e23)
print(float("1.5"), float("  -2e3 "), float("inf"), float("-Infinity"), float("nan"))
print(float(7), float("1_000.5"), float(True))
print(round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1.23456, 3), round(1e20))
print(int(2.9), int(-2.9), abs(-1.5), 7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, divmod(7.5, -2))
print(2.0 ** 0.5, (-8.0) ** (1 / 3) if False else 8.0 ** (1 / 3), 2 ** 0.5, 10.0 ** -2)
print((0.5).as_integer_ratio(), (0.1).as_integer_ratio(), (3.0).is_integer(), (3.5).is_integer())
print((1.5).hex(), float.fromhex("0x1.8p1"), (0.1).hex(), float.fromhex("-0x1p-1074"))
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf > 1e308, nan == nan, nan != nan, inf - inf)
print(hash(1.5), hash(-0.0), hash(0.0), hash(inf), hash(2.0 ** 70) == hash(2 ** 70))
print(1.0 == 1, 0.1 * 3 == 0.3, 1e308 * 10, -1e308 * 10)
print(max(1.5, 2), min(-0.0, 0.0), sum([0.1] * 10))
print(format(3.14159, ".3f"), format(1e6, "g"), format(1e-7, "g"), format(12345.678, "e"))
print(format(0.5, "%"), format(2 / 3, ".10g"), format(-0.0, "+.1f"), format(1234.5, ",.1f"))
for bad in ["", "1.2.3", "abc", "1e", "--1"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(nan)
except ValueError as e:
    print("ValueError:", e)
try:
    10.0 ** 400
except OverflowError as e:
    print("OverflowError:", e)
print(complex(1, 2) * complex(3, -1), abs(3 + 4j), (1 + 2j).conjugate(), 1j ** 2, complex("1+2j"))
print((1 + 2j).real, (1 + 2j).imag, repr(complex(0, -0.0)), complex(1.5), 2j / (1 + 1j))
