# Big-int arithmetic cross-checked by identities, over operand sizes around
# the digit base (2**30), the schoolbook/Karatsuba cutoff and lopsided
# products.  Output is digests of exact values, so Kiln and CPython must agree
# digit for digit.
import random

rng = random.Random(20261126)
B = 1 << 30

def digest(v):
    return (v.bit_length(), v % 1000000007, v & 0xFFFF)

def check(cond, what):
    if not cond:
        print("FAIL", what)

edge = [0, 1, 2, B - 1, B, B + 1, B * B - 1, B * B, B * B + 1,
        B ** 3 - 1, B ** 3, 2 ** 64 - 1, 2 ** 64, 2 ** 64 + 1,
        10 ** 50, 10 ** 100 + 7, (B ** 70) - 1, B ** 70, B ** 70 + 1,
        (B ** 141) - 1, 3 ** 2000]

sizes = [1, 2, 3, 5, 29, 30, 31, 69, 70, 71, 72, 139, 140, 141, 250, 700]

def rand_int(ndig):
    v = rng.getrandbits(ndig * 30)
    # sprinkle all-ones and zero digits, the carry/borrow edge cases
    if rng.random() < 0.3:
        v |= (B - 1) << (30 * rng.randrange(ndig))
    if rng.random() < 0.3 and ndig > 2:
        v &= ~((B - 1) << (30 * rng.randrange(ndig)))
    return v | 1

operands = list(edge)
for n in sizes:
    operands.append(rand_int(n))
    operands.append(rand_int(n))

count = 0
for i, a in enumerate(operands):
    for b in operands[i:i + 6] + [operands[-1 - i]]:
        for sa in (1, -1):
            for sb in (1, -1):
                x, y = sa * a, sb * b
                p = x * y
                check(p == y * x, "commute")
                s = x + y
                d = x - y
                check(s - y == x and d + y == x, "add/sub")
                if y:
                    check(p // y == x and p % y == 0, "(x*y)//y")
                    q, r = divmod(x, y)
                    check(q * y + r == x, "divmod")
                    check(r == 0 or (r < 0) == (y < 0), "mod sign")
                    check(abs(r) < abs(y), "mod size")
                    check(q == x // y and r == x % y, "divmod parts")
                    q2 = (x + 12345) // y
                    check(q2 == divmod(x + 12345, y)[0], "floordiv")
                count += 1
                if count % 7 == 0:
                    print(digest(p), digest(s), digest(d), digest(x // (y or 1)), digest(x % (y or 1)))

# squares (one object times itself) against a product of equal copies
for n in sizes + [300, 1200]:
    a = rand_int(n)
    c = int(str(a)) if n < 100 else a + 0  # a distinct object of equal value
    check(a * a == a * (c + 1) - c, "square vs product")
    check(a ** 2 == a * a, "pow 2")
    check(pow(a, 3) == a * a * a, "pow 3")
    print(n, digest(a * a), digest(-a * a), digest(pow(a, 5)))

# powers of the base plus and minus one, exercised through all operations
for k in (1, 2, 3, 35, 70, 71, 140, 141):
    for e in (-1, 0, 1):
        v = B ** k + e
        w = B ** (k // 2 + 1) - 1
        print(k, e, digest(v * v), digest(v * w), digest(v // w), digest(v % w),
              digest(v - w), digest(w - v), digest(v + w))

# huge operands: Karatsuba recursion and lopsided chunks
big = rand_int(3000)
med = rand_int(900)
small = rand_int(40)
for x, y in ((big, med), (big, small), (med, med + 1), (big, big - 1)):
    p = x * y
    check(p // x == y and p // y == x, "huge product")
    check(divmod(p + 1, x) == (y, 1), "huge divmod")
    print(digest(p), digest(divmod(x, y)[1]))

# single-digit divisors and multipliers
for dv in (1, 2, 3, 7, 10, B - 1, B - 2, 12345):
    q, r = divmod(big, dv)
    check(q * dv + r == big and 0 <= r < dv, "divrem1")
    q, r = divmod(-big, dv)
    check(q * dv + r == -big and 0 <= r < dv, "divrem1 neg")
    print(dv, digest(big * dv), r)

print(digest(pow(3, 10000, 10 ** 200 + 1)), digest(pow(-7, 12345, B ** 5 - 1)))
print(digest(sum(range(10 ** 6)) * 3 ** 500))
print("checked", count)
