"""int arithmetic, big ints, conversions, methods."""
print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 7 % -3, divmod(-7, 2), 2 ** 10, 2 ** -1)
print(7 / 2, -7 / 2, 1 / 3, 10 / 5)
print(1 << 100, (1 << 100) >> 99, -1 >> 5, ~5, 6 & 3, 6 | 3, 6 ^ 3)
big = 3 ** 200
print(big)
print(big % 1000007, big // 3 ** 190, -big // 7, big.bit_length(), (-big).bit_length())
print(int("123"), int("-0x1f", 16), int("0b101", 0), int("  42  "), int("1_000"), int("z", 36))
print(int(3.99), int(-3.99), int(True), int("12", 8))
print(hex(255), oct(8), bin(5), hex(-255), bin(0))
print((255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"), (-1).to_bytes(2, "big", signed=True))
print((10).bit_count(), (2 ** 64).bit_length(), (12).as_integer_ratio(), (5).conjugate())
print(pow(3, 4), pow(3, 4, 5), pow(3, -1, 7), pow(2, 100, 10 ** 9 + 7))
print(abs(-5), round(1234, -2), round(1250, -2), round(1350, -2), round(-5))
print(max(3, 9, 2), min([4, 1, 8]), sum(range(101)))
print(10 ** 30 * 10 ** 30, (10 ** 30) // (10 ** 15 + 1), 123456789 * 987654321)
print(0 == -0, 1 == 1.0, hash(1) == hash(1.0), hash(-1), hash(2 ** 61 - 1), hash(2 ** 61))
print(True + True, True * 10, False - 1, isinstance(True, int), type(True + 1).__name__)
print(5 .real, 5 .imag, 5 .numerator, 5 .denominator)
for bad in ["", "1.5", "abc", "1__0", "_1"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
print(format(1234567, ","), format(255, "08b"), format(-42, "+06d"))
print(sorted([5, -2, 10 ** 20, 0, -10 ** 20]))
