# Big-int division (Knuth D without normalised copies): quotient, remainder
# and floor semantics for operands of 2..400 digits, every normalisation
# shift, similar sizes (one- and two-digit quotients), negative operands and
# structured digit patterns that stress the quotient estimate.

MASK = (1 << 30) - 1
SEED = [12345]


def rnd(bits):
    # xorshift-style generator: deterministic and identical in both runs
    out = 0
    got = 0
    while got < bits:
        s = SEED[0]
        s ^= (s << 13) & 0xFFFFFFFFFFFFFFFF
        s ^= s >> 7
        s ^= (s << 17) & 0xFFFFFFFFFFFFFFFF
        SEED[0] = s
        out = (out << 64) | s
        got += 64
    return out >> (got - bits) if bits else 0


PATTERN = [0, 1, MASK, MASK - 1, 1 << 29, (1 << 29) - 1]


def digits_number(n, style):
    # n 30-bit digits, top digit non-zero
    v = 0
    for i in range(n):
        if style == 0:
            d = rnd(30)
        else:
            d = PATTERN[rnd(8) % len(PATTERN)] if rnd(2) else rnd(30)
        v = (v << 30) | d
    top = rnd(30) | 1
    return (top << (30 * (n - 1))) | (v & ((1 << (30 * (n - 1))) - 1))


def check(a, b):
    q, r = divmod(a, b)
    assert q * b + r == a
    assert (r == 0) or ((r < 0) == (b < 0))
    assert abs(r) < abs(b)
    assert a // b == q and a % b == r
    return q, r


def digest(vals):
    h = 0
    for v in vals:
        h = (h * 1000003 + v) % ((1 << 61) - 1)
    return h


results = []
for nb in (2, 3, 4, 5, 7, 10, 33, 70, 71, 140, 400):
    for extra in (0, 1, 2, 3, 17):
        for style in (0, 1):
            b = digits_number(nb, style)
            # every normalisation shift: drop the top bits of b one by one
            for cut in (0, 1, 13, 29):
                bb = b >> cut if (b >> cut).bit_length() > 30 else b
                a = digits_number(nb + extra, style)
                for sa, sb in ((1, 1), (-1, 1), (1, -1), (-1, -1)):
                    q, r = check(sa * a, sb * bb)
                    results.append(q)
                    results.append(r)
print("sized", len(results), digest(results))

# exact multiples and off-by-one around them: remainder 0, 1 and b-1
results = []
for nb in (2, 3, 9, 50, 120):
    b = digits_number(nb, 1)
    for qd in (1, 2, 5, 30, 31, 61, 300):
        q0 = rnd(qd) | 1
        for delta in (0, 1, -1, b - 1, -(b - 1)):
            a = q0 * b + delta
            for sa, sb in ((1, 1), (-1, 1), (1, -1), (-1, -1)):
                q, r = check(sa * a, sb * b)
                results.append(q)
                results.append(r)
print("multiples", len(results), digest(results))

# all-ones and power-of-two divisors and dividends (quotient estimate
# corner cases: top digits equal, qhat = base - 1)
results = []
for nbits in (31, 59, 60, 61, 89, 90, 91, 300, 1200, 3000):
    for abits in (nbits, nbits + 1, nbits + 29, nbits + 30, nbits + 31, 2 * nbits):
        for a in ((1 << abits) - 1, 1 << (abits - 1), ((1 << abits) - 1) ^ (1 << (abits // 2))):
            for b in ((1 << nbits) - 1, 1 << (nbits - 1), (1 << nbits) - 3,
                      ((1 << nbits) - 1) >> 1 << 1):
                q, r = check(a, b)
                results.append(q)
                results.append(r)
                q, r = check(-a, b)
                results.append(q)
                results.append(r)
print("corners", len(results), digest(results))

# a few results printed in full
a = digits_number(12, 1)
b = digits_number(11, 1)
print(divmod(a, b))
print(divmod(-a, b))
print(divmod(a, -b))
print(divmod(-a, -b))
print(divmod(a, a), divmod(a, a + 1), divmod(a + 1, a), divmod(-a, a))
print((a * b) // b == a, (a * b + b - 1) // b == a, (a * b - 1) // b == a - 1)
print(a % b, (-a) % b, a % -b, (-a) % -b)
