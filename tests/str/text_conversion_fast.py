# Fast paths of text conversion: str building from kind data (slices,
# joins, %), int() parsing, float repr digits.  Deterministic output.
import random
import sys

rng = random.Random(20261126)

# --- str from kind data: every kind, every width class of the slice ---
pieces = ["a", "\x7f", "\x80", "\xe9", "\xff", "\u0100", "\u20ac", "\uffff",
          "\U00010000", "\U0001f600", "\U0010ffff", "\ud800", "\x00"]
for trial in range(400):
    s = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 40)))
    i = rng.randrange(0, len(s) + 1)
    j = rng.randrange(i, len(s) + 1)
    sub = s[i:j]
    print(trial, ascii(sub), len(sub), max(map(ord, sub), default=-1))
    assert sub == "".join(s[k] for k in range(i, j))
    r = "%s|%r" % (sub, sub)
    print(ascii(r))
    parts = s.split("\u20ac")
    print(ascii(parts), ascii("\u20ac".join(parts)) == ascii(s))
# long runs so the word-at-a-time scan meets every offset of the wide char
for n in range(0, 40):
    for pos in range(n):
        for ch in ("\x80", "\xff", "\u0100", "\U00010000"):
            s = "x" * pos + ch + "y" * (n - pos)
            t = s[0:n + 1] + "z"
            assert len(t) == n + 2 and t[pos] == ch and t.endswith("z"), (n, pos, ch)
            w = ("\U0010ffff" + s)[1:]
            assert w == s and max(w) == ch
            assert ("\u0100" + s)[1:] == s
print("slices ok")
print(ascii("".join(["\u0100"[0:0], "abc"])), ascii(("\U0001f600abc")[1:]), ascii(("\u0100\xe9")[1:]))
# two valid code points whose OR passes 0x10ffff
u = "\U00100000\U000fffff\U000f0000"
print(ascii(u[0:2]), ascii(u[1:3]), ascii(u[1:]), len(u[1:]))

# --- int() parsing ---
cases = ["0", "-0", "+7", " 12 ", "\t-34\n", "1_000", "1__0", "_1", "1_", "0x_ff",
         "0b1010", "0o777", "0XfF", "010", "000", "0_0", "00_1", "", " ", "+", "-",
         "12a", "١٢٣", "\u2003 42 \u2003", "9" * 18, "9" * 19, "-" + "9" * 19,
         "123456789012345678901234567890", "-" + "1_2" * 30, "z" * 5, "Z" * 12]
for c in cases:
    for base in (0, 2, 8, 10, 16, 36):
        try:
            print(ascii(c), base, int(c, base))
        except ValueError as e:
            print(ascii(c), base, "ValueError", e)
for trial in range(300):
    base = rng.choice([2, 3, 7, 8, 10, 10, 10, 16, 36])
    n = rng.getrandbits(rng.choice([5, 30, 63, 64, 65, 100, 300, 1000]))
    digits = []
    m = n
    while m:
        digits.append("0123456789abcdefghijklmnopqrstuvwxyz"[m % base])
        m //= base
    text = "".join(reversed(digits)) or "0"
    sign = rng.choice(["", "-", "+"])
    assert int(sign + text, base) == (-n if sign == "-" else n), (text, base)
    assert int(bytes(sign + text, "ascii"), base) == (-n if sign == "-" else n)
    if base == 10:
        assert int(" " + sign + text + "\n") == (-n if sign == "-" else n)
print("int parse ok")
print(sys.get_int_max_str_digits())
try:
    int("1" * 4301)
except ValueError as e:
    print("ValueError", e)
print(len(str(int("1" * 4300))), int("0x" + "f" * 5000, 16) == 16 ** 5000 - 1)
sys.set_int_max_str_digits(5000)
print(int("7" * 4999) % 1000)
sys.set_int_max_str_digits(4300)

# --- float repr round-trip ---
specials = [0.0, -0.0, 0.1 * 3, 1 / 3, 2.0 ** -1074, 2.0 ** -1022, 2.2250738585072009e-308,
            1.7976931348623157e308, 5e-324, 1e16, 1e17, 123456789012345680.0, 0.1, 1.25,
            9007199254740993.0, 1e-7, 1e-5, 0.0001, 1e22, 1e23, 2.0 ** 63, 2.0 ** 64]
for v in specials:
    print(repr(v), repr(-v), str(v), float(repr(v)) == v)
for trial in range(3000):
    kind = trial % 4
    if kind == 0:
        v = rng.random() * 10 ** rng.randrange(-10, 20)
    elif kind == 1:
        v = rng.randrange(1, 10 ** rng.randrange(1, 16)) / 10 ** rng.randrange(0, 12)
    elif kind == 2:
        import struct
        v = struct.unpack("<d", struct.pack("<Q", rng.getrandbits(63)))[0]
    else:
        v = rng.randrange(1, 2 ** 52) * 2.0 ** rng.randrange(-1074, -1000)
    if v != v or v in (float("inf"),):
        continue
    r = repr(v)
    assert float(r) == v, r
    print(r)
# 16/17-digit values in [1e-7, 1e15), powers of two and their neighbours
import struct
def nudge(v, d):
    return struct.unpack("<d", struct.pack("<Q", struct.unpack("<Q", struct.pack("<d", v))[0] + d))[0]
for e in range(-24, 50):
    p = 2.0 ** e
    print(e, repr(p), repr(nudge(p, 1)), repr(nudge(p, -1)), repr(nudge(p, 2)))
for trial in range(1000):
    v = nudge(rng.randrange(1, 10 ** rng.randrange(1, 16)) / 10 ** rng.randrange(0, 8), rng.randrange(-2, 3))
    r = repr(v)
    assert float(r) == v
    print(r, repr(-v), str(v * 3))
