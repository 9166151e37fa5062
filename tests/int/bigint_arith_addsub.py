# Sums and differences of big ints of 1..400 digits (Kiln adds and subtracts
# 32+ shared digits in vector lanes and settles rippling carries/borrows
# afterwards): every sign combination, operands of all-ones, zero and
# alternating digits where carries and borrows run through many digits,
# near-equal operands (long runs of equal digits, results of a few digits),
# x - x, and carries out of the shorter operand into the longer one.

import random

B = 1 << 30
MASK = B - 1
rng = random.Random(31337)


def number(ndig, style):
    v = 0
    for _ in range(ndig):
        if style == 0:
            d = rng.getrandbits(30)
        elif style == 1:
            d = MASK
        elif style == 2:
            d = rng.choice((0, MASK, 1, MASK - 1, B // 2))
        else:
            d = 0
        v = (v << 30) | d
    return v | (rng.getrandbits(30) | 1) << (30 * ndig)


def digest(vals):
    h = 0
    for v in vals:
        h = (h * 1000003 + (v % ((1 << 61) - 1))) % ((1 << 61) - 1)
    return h


out = []
for na in (1, 2, 31, 32, 33, 40, 47, 48, 49, 64, 100, 257, 400):
    for nb in sorted({1, 2, 31, 32, 33, na // 2, na - 1, na}):
        if nb < 1 or nb > na:
            continue
        for sa_style in range(4):
            a = number(na, sa_style)
            for sb_style in range(4):
                b = number(nb, sb_style) if nb < na else number(nb - 1, sb_style)
                for x, y in ((a, b), (-a, b), (a, -b), (-a, -b), (b, a), (b, -a)):
                    s = x + y
                    d = x - y
                    assert s - y == x and d + y == x
                    out.append(s)
                    out.append(d)
print("mixed", len(out), digest(out))

# near-equal operands: equal digit runs with a borrow coming up from below
near = []
for n in (32, 33, 50, 100, 333):
    a = number(n, 0)
    for delta in (1, 2, B - 1, B, B + 1, B ** 2 - 1, B ** 5 + 3, -1, -B, -(B ** 3)):
        b = a + delta
        near.append(a - b)
        near.append(b - a)
        near.append(a + b)
    for bit in (0, 29, 30, 31, 60, 30 * n - 1):
        b = a ^ (1 << bit)
        near.append(a - b)
        near.append(b - a)
    near.append(a - a)
    near.append(a + (-a))
print("near", len(near), digest(near), near[:4])

# carries and borrows through whole runs of all-ones / zero digits
runs = []
for n in (32, 33, 64, 65, 200):
    ones = B ** n - 1
    runs += [ones + 1, ones + ones, ones + B ** (n - 1), 1 + ones,
             B ** n - ones, B ** n - 1 - ones, B ** (n + 3) - ones, (B ** n) - (ones >> 30)]
    alt = sum(MASK << (60 * k) for k in range(n // 2))
    runs += [alt + (alt >> 30) + 1, alt - (alt >> 30), (alt << 30) - alt]
print("runs", len(runs), digest(runs))
print(runs[0] == B ** 32, runs[1] == 2 * (B ** 32 - 1), str(runs[-1])[:25])
