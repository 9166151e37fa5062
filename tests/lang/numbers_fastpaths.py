# Edge cases of the numeric fast paths (specialised BINARY_OP / COMPARE_OP,
# float and complex temporaries reused in place, compare fused with the
# conditional jump).  Every function runs often enough to be specialised
# first, then meets the case its guards must catch.
import math

WARM = 200


def show(*a):
    print(*[repr(x) for x in a])


# ---- int fast paths: overflow into big ints, big int comparisons ----
def int_ops(a, b):
    return a + b, a - b, a * b, a // b if b else None, a % b if b else None, a < b, a == b


for i in range(WARM):
    int_ops(i, 7)
for a, b in [(2**62, 2**62), (2**30, 2**30), (-2**62, 2**62), (2**63 - 1, 1),
             (-(2**63), -1), (10**30, 3), (-7, 2), (7, -2), (-7, -2), (0, 5)]:
    show(int_ops(a, b))


def int_branch(a, b):
    if a < b:
        return 'lt'
    if a == b:
        return 'eq'
    return 'ge'


for i in range(WARM):
    int_branch(i, 100)
print(int_branch(2**70, 2**70), int_branch(2**70, 2**71), int_branch(-2**70, 3),
      int_branch(True, 2), int_branch(3, 2.5))


# ---- subclasses with overridden dunders at specialised sites ----
class MyInt(int):
    def __add__(self, o):
        return 'MyInt.__add__'

    def __lt__(self, o):
        return True


class MyFloat(float):
    def __mul__(self, o):
        return 'MyFloat.__mul__'

    def __sub__(self, o):
        return MyFloat(float(self) - o + 0.25)

    def __gt__(self, o):
        return False


class MyComplex(complex):
    def __mul__(self, o):
        return 'MyComplex.__mul__'


def site_add(a, b):
    return a + b


def site_lt(a, b):
    return 'yes' if a < b else 'no'


def site_fmul(a, b):
    return a * b * 2.0


def site_fsub_chain(a, b, c):
    return (a - b) - c


def site_fgt(a, b):
    if a > b:
        return 'gt'
    return 'not gt'


def site_cmul(a, b):
    return a * b + b


for i in range(WARM):
    site_add(i, 1)
    site_lt(i, 1000)
    site_fmul(1.5, 2.5)
    site_fsub_chain(3.5, 1.0, 0.5)
    site_fgt(3.0, 1.0)
    site_cmul(1j, 2 + 1j)
show(site_add(MyInt(3), 4), site_add(4, MyInt(3)), site_lt(MyInt(5), 1))
try:
    site_fmul(MyFloat(2.0), 3.0)
except TypeError as e:
    print('TypeError', e)
show(site_fmul(3.0, MyFloat(2.0)), site_fsub_chain(MyFloat(3.0), 1.0, 0.5))
show(site_fgt(MyFloat(9.0), 1.0), site_fgt(1.0, MyFloat(0.5)))
try:
    site_cmul(MyComplex(1, 2), 3j)
except TypeError as e:
    print('TypeError', e)
show(site_cmul(2j, 1 + 1j), site_cmul(1 + 2j, 3), site_cmul(1.5, 2j))


# ---- a shared object returned by a dunder must never be overwritten ----
SHARED = []


class Returner(float):
    def __add__(self, o):
        return SHARED[-1]


def reuse_guard(s, y, z):
    t = y * z
    SHARED.append(t)
    r = (s + y) * 2.0
    return t, r


def reuse_guard_top(s, y, z):
    t = y * z
    SHARED.append(t)
    r = 2.0 * (s + y)
    return t, r


for i in range(WARM):
    reuse_guard(1.0, 2.0, 3.0)
    reuse_guard_top(1.0, 2.0, 3.0)
show(reuse_guard(Returner(1.0), 2.0, 3.0), SHARED[-1])
show(reuse_guard_top(Returner(1.0), 2.0, 5.0), SHARED[-1])
SHARED.clear()


# ---- values held elsewhere stay intact through chains of operations ----
def chains(a, b, c):
    t = a * b
    u = t
    v = t * 1.0 + u
    w = (a + b) * (b - c) / (a * c) - t
    x = a * a + b * b + c * c
    y = a - b - c - t
    return t, u, v, w, x, y, t is u


for i in range(WARM):
    chains(1.0 + i, 2.0, 3.0)
show(chains(1.5, -2.25, 4.0))
show(chains(0.1, 0.2, 0.3))


# ---- NaN, -0.0, inf ----
nan, inf = float('nan'), float('inf')


def fops(a, b):
    return (a + b, a - b, a * b, (a * b) + (a - b), (a + b) * b, a * b / b if b else 'div0')


def fcmp(a, b):
    out = []
    if a < b:
        out.append('<')
    if a <= b:
        out.append('<=')
    if a == b:
        out.append('==')
    if a != b:
        out.append('!=')
    if a > b:
        out.append('>')
    if a >= b:
        out.append('>=')
    return out


for i in range(WARM):
    fops(1.0 * i, 2.5)
    fcmp(1.0 * i, 50.5)
for a, b in [(nan, 1.0), (1.0, nan), (inf, -inf), (inf, inf), (-0.0, 0.0), (0.0, -0.0),
             (-0.0, -0.0), (1e308, 1e308), (5e-324, 0.5), (-1.0, 0.0)]:
    r = fops(a, b)
    print([math.copysign(1.0, x) if isinstance(x, float) and x == 0 else x for x in r],
          fcmp(a, b))


def neg_zero(a, b):
    return (a * b) * -1.0, (a * b) + -0.0, -0.0 - (a * b)


for i in range(WARM):
    neg_zero(1.0, 2.0)
print([math.copysign(1.0, x) for x in neg_zero(0.0, 5.0)])
print([math.copysign(1.0, x) for x in neg_zero(-0.0, 5.0)])


# ---- ZeroDivisionError from the specialised division ----
def fdiv(a, b, c):
    return (a * b) / (c - c)


def fdiv2(a, b):
    return a / b


for i in range(WARM):
    try:
        fdiv(1.0, 2.0, 3.0)
    except ZeroDivisionError:
        pass
    fdiv2(1.0, 3.0)
for args in [(1.0, 2.0, 3.0), (1.0, 2.0, 0.0)]:
    try:
        fdiv(*args)
    except ZeroDivisionError as e:
        print('ZeroDivisionError', e)
for b in [0.0, -0.0, 0, 2]:
    try:
        print(fdiv2(1.0, b))
    except ZeroDivisionError as e:
        print('ZeroDivisionError', e)
for op in [lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 // 0.0, lambda: 1.0 % 0.0,
           lambda: 1j / 0, lambda: (1 + 1j) / 0j]:
    try:
        op()
    except ZeroDivisionError as e:
        print('ZeroDivisionError', e)


# ---- complex arithmetic ----
def cops(z, c):
    return z * z + c, z - c, (z - c) * (z + c), c * z * z


for i in range(WARM):
    cops(complex(0.1 * i, 0.2), 0.5 - 0.25j)
for z, c in [(complex(nan, 1), 1j), (complex(inf, 0), 1j), (complex(0.0, -0.0), -0j),
             (complex(-0.0, 0.0), complex(-0.0, -0.0)), (1e200 + 1e200j, 1j),
             (3 + 4j, 1.5)]:
    print(cops(z, c))


def escape(c, limit):
    z = 0j
    for n in range(limit):
        z = z * z + c
        if z.real * z.real + z.imag * z.imag > 4.0:
            return n
    return limit


print([escape(complex(-2.0 + 0.05 * i, 0.3), 60) for i in range(60)])


# ---- comparisons fused with jumps: str, backward jumps, non-bool results ----
def words(ws):
    n = 0
    for w in ws:
        if w == 'spam':
            n += 1
        elif w != 'eggs':
            n += 100
    return n


for i in range(WARM):
    words(['spam', 'eggs', 'ham'])


class Weird(str):
    def __eq__(self, o):
        return 'truthy'

    __hash__ = str.__hash__


print(words(['spam', Weird('x'), 'eggs', 'spam' + '']))


def count_up(limit):
    i = 0
    while i < limit:
        i += 1
    x = 0.0
    while x < limit:
        x += 0.5
    return i, x


for i in range(50):
    count_up(30)
print(count_up(10), count_up(2**65 // 2**60), count_up(0))


# ---- int temporaries reused in place: values, signs, digit counts, identity ----
FIVE = int('5')
KEEP = []


def ichain(i, j):
    t = i * j
    KEEP.append(t)
    u = (i + j) * (i + j + 1) + t
    v = (i - j) - 2000
    w = i * j * 3 - t
    x = (i + 2000) - 1995 - i
    y = (i * j) * (i * j)
    z = (i - j) * (j - i) + 7
    return t, u, v, w, x, x is FIVE, y, z


for k in range(WARM):
    ichain(k * 1000, 3)
for i, j in [(5000, 7), (2**29, 2**29), (2**30, 3), (-2**30, 3), (2**59, 2), (2**59, 8),
             (-2**59, 2**59), (2**60, 2**60), (3, 2**62), (0, 0), (-1, 1), (2**31 - 1, 2**31 + 1),
             (123456789, -987654321)]:
    r = ichain(i, j)
    print(r, KEEP[-1] == i * j)
KEEP.clear()
