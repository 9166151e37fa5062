# repr(float): shortest round-trip digits, on short decimals (the fast path),
# values near its limits, powers of two and pseudo-random doubles.
import struct

vals = [0.0, -0.0, 0.1, 0.2, 0.3, 0.1 + 0.2, 2.5, -1.25, 1234.125, 1e-7, 1.5e-7,
        9.999999e-8, 1e-5, 0.0001, 0.001, 123456789012345.0, 999999999999999.0,
        1e15, 1e15 + 1, 1e16, 1e17, 1e22, 1e23, 12345678.9, 5e-324, 1.7976931348623157e308,
        1 / 3, 2 / 3, 100.0, 1e100, 0.5, 2.0 ** -20, 2.0 ** 60, 2.0 ** -1074, 9007199254740993.0,
        4.35, 0.07, 33.33, 1.0000000000000002, 0.9999999999999999, 299792.458]
for i in range(-30, 31):
    vals.append(2.0 ** i)
    vals.append(10.0 ** i)
    vals.append(1.1 * 10.0 ** i)
for i in range(2000):
    vals.append(i * 1.25)
    vals.append(i / 7)
    vals.append(i * 0.01)
    vals.append(-i * 0.1)
x = 12345
for i in range(3000):
    x = (x * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    d = struct.unpack("<d", struct.pack("<Q", x))[0]
    if d == d and d not in (float("inf"), float("-inf")):
        vals.append(d)
    vals.append((x >> 11) / 2 ** 40)
out = [repr(v) for v in vals]
for chunk in range(0, len(out), 200):
    print(" ".join(out[chunk:chunk + 200]))
print(str(1.5), format(0.1, ""), f"{2.5!r}", str([0.1, 1e-7]))
