# Products whose first schoolbook row takes the SIMD path in Kiln (rows of
# 24+ digits): a big int times one digit (every sign, multipliers 0..2**30-1
# and beyond), rows of all-ones digits where carries ripple through the whole
# row, squares against products, small powers, and text round-trips.
# Exactness is checked by division and by the printed digests.

import random

B = 1 << 30
MASK = B - 1
rng = random.Random(4242)


def rnd(bits):
    return rng.getrandbits(bits) if bits else 0


def number(ndig, style):
    v = 0
    for _ in range(ndig):
        if style == 0:
            d = rnd(30)
        elif style == 1:
            d = MASK
        elif style == 2:
            d = (MASK, 0, 1, 1 << 29, MASK - 1)[rnd(8) % 5]
        else:
            d = MASK if rnd(3) else rnd(30)
        v = (v << 30) | d
    return v | (1 << (30 * ndig - 1))


def digest(vals):
    h = 0
    for v in vals:
        h = (h * 1000003 + (v % ((1 << 61) - 1))) % ((1 << 61) - 1)
    return h


mults = [0, 1, 2, 3, 7, 10, 255, 256, 12345, B // 2, B // 2 + 1,
         MASK - 1, MASK, B, B + 1, B * 3 + 5]
products = []
for ndig in (1, 2, 3, 23, 24, 25, 26, 27, 28, 31, 32, 33, 39, 40, 41, 64,
             69, 70, 71, 100, 257, 400):
    for style in (0, 1, 2, 3):
        a = number(ndig, style)
        for f in mults + [rnd(30), rnd(30) | (1 << 29)]:
            for sa, sf in ((1, 1), (-1, 1), (1, -1), (-1, -1)):
                p = (sa * a) * (sf * f)
                if f:
                    assert p // (sf * f) == sa * a and p % f == 0
                assert p == (sf * f) * (sa * a)
                products.append(p)
print("rows", len(products), digest(products))

# all-ones rows: a*(B-1) and (B**n - 1) * f ripple a carry across digits
ripple = []
for n in (24, 25, 40, 100, 333):
    ones = B ** n - 1
    for f in (1, 2, MASK, MASK - 1, B // 2 + 1):
        p = ones * f
        assert p == f * B ** n - f
        ripple.append(p)
    top = (B ** n - 1) * B + 1
    ripple.append(top * MASK)
print("ripple", len(ripple), digest(ripple))

# squares (sqr_school's first row) against products of distinct objects
squares = []
for ndig in (2, 24, 25, 26, 50, 69, 70, 71, 150):
    for style in (0, 1, 2, 3):
        a = number(ndig, style)
        b = int(str(a))          # equal value, another object
        sq = a * a
        assert sq == a * b == a ** 2 == b * a
        assert sq // a == a
        squares.append(sq)
        squares.append((-a) * a)
print("squares", len(squares), digest(squares))

# powers, factorial-style running products and text round-trips
acc = 1
for k in range(1, 700):
    acc *= k
print("factorial", acc.bit_length(), acc % 1000000007, str(acc)[:40], str(acc)[-40:])
p3 = 3 ** 5000
print("pow", p3.bit_length(), p3 % 998244353, int(str(p3)) == p3)
for n in (24, 40, 120):
    v = number(n, 3)
    s = str(v)
    assert int(s) == v and int("-" + s) == -v
    print(n, s[:30], s[-30:], len(s))
x = 10 ** 999 * 7 + 1
print(str(x * 3)[:10], str(x * 3)[-10:], len(str(x * 3)))

# multi-digit products: every row after the first adds into the partial
# product (Kiln: the same vector form, carries settled afterwards); all-ones
# operands make every column carry
multi = []
for na in (24, 25, 30, 47, 69, 70, 140, 300):
    for nb in (2, 3, 24, 25, 40, 69):
        if nb > na:
            continue
        for style in (0, 1, 2, 3):
            a = number(na, style)
            b = number(nb, (style + 1) % 4)
            p = a * b
            assert p // b == a and p % b == 0
            assert p == b * a == (-a) * (-b)
            multi.append(p)
            multi.append(a * -b)
ones = B ** 60 - 1
multi.append(ones * ones)
multi.append(ones * (ones - 1))
multi.append((B ** 60 + 1) * ones)
print("multi", len(multi), digest(multi), ones * ones == B ** 120 - 2 * B ** 60 + 1)

# around the schoolbook/Karatsuba cutoffs (70 digits, 200 with vector rows)
# and lopsided products that Karatsuba slices
kara = []
for na, nb in ((199, 199), (200, 200), (201, 200), (201, 201), (260, 199),
               (399, 200), (400, 201), (450, 210), (700, 350), (1000, 199)):
    a = number(na, 3)
    b = number(nb, 0)
    p = a * b
    assert p // a == b and p % b == 0
    kara.append(p)
    kara.append(a * a)
    assert a * a == a ** 2 and (a * a) // a == a
print("kara", len(kara), digest(kara))
