# Specialised comparisons (COMPARE_OP_INT/FLOAT and their fused jump
# forms) against every operator, at both sides of the one/two-digit
# boundaries of ints, with negative values, NaN, infinities and -0.0.
# Each function runs enough times to be quickened first.

def as_values(a, b):
    return (a < b, a <= b, a == b, a != b, a > b, a >= b)


def as_jumps(a, b):
    out = []
    if a < b:
        out.append('lt')
    if a <= b:
        out.append('le')
    if a == b:
        out.append('eq')
    if a != b:
        out.append('ne')
    if a > b:
        out.append('gt')
    if a >= b:
        out.append('ge')
    if not (a < b):
        out.append('!lt')
    if not (a >= b):
        out.append('!ge')
    return out


ints = [0, 1, -1, 2, -2, 7, 2 ** 30 - 1, 2 ** 30, -(2 ** 30), 2 ** 30 + 1,
        2 ** 60 - 1, 2 ** 60, -(2 ** 60), 2 ** 90, -(2 ** 90), True, False]
nan = float('nan')
floats = [0.0, -0.0, 1.5, -1.5, float('inf'), float('-inf'), nan, 1e308, 5e-324]

for rounds in range(3):
    for _ in range(20):
        for a in (1, 2):
            as_values(a, 2)
            as_jumps(a, 2)
        for a in (1.0, 2.0):
            as_values(a, 2.0)
            as_jumps(a, 2.0)
    for a in ints:
        for b in ints:
            print(a, b, as_values(a, b), as_jumps(a, b))
    for a in floats:
        for b in floats:
            print(a, b, as_values(a, b), as_jumps(a, b))
    print(as_values(nan, nan), as_jumps(nan, nan))
    # mixed types through the same (specialised) sites
    print(as_values(1, 1.0), as_jumps(2, 1.5), as_values('a', 'b'), as_jumps('b', 'a'))

# Float against int at sites quickened on mixed operands (COMPARE_OP_FLOAT
# takes ints that are exact doubles; others, and big ints, take the
# generic path), including ints around 2**53 where doubles get coarse.
def mixed(a, b):
    r = [a < b, a <= b, a == b, a != b, a > b, a >= b]
    if a < b:
        r.append('j<')
    if a == b:
        r.append('j==')
    if a >= b:
        r.append('j>=')
    return r


for _ in range(30):
    mixed(1.5, 2)
    mixed(2, 1.5)
big = 2 ** 53
mixed_values = [0, 1, -1, 3, 2 ** 30, big - 1, big, big + 1, -big, -big - 1, 2 ** 64, True,
                0.0, -0.0, 0.5, 3.0, nan, float('inf'), float('-inf'), float(big), float(big) + 2.0,
                -float(big)]
for a in mixed_values:
    for b in mixed_values:
        print(a, b, mixed(a, b))
