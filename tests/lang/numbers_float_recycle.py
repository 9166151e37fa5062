# Float temporaries recycled by the float forms (round 5): a temporary
# consumed by a REUSE1 form after BINARY_OP; LOAD; LOAD; BINARY_OP, or
# popped by a compare-and-jump straight after the BINARY_OP that made it,
# is handed to the next float made.  Nothing that a program can still see
# may ever change value or identity.  Every function runs often enough to
# be specialised first.
import math

WARM = 300


def show(*a):
    print(*[repr(x) for x in a])


# ---- the shapes that recycle; every value kept is checked afterwards ----
def sumsq(dx, dy, dz):
    return dx * dx + dy * dy + dz * dz


def mandel_step(zr, zi, cr, ci):
    zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
    if zr * zr + zi * zi > 4.0:
        return None
    return zr, zi


def kept(a, b, c, d):
    out = []
    for _ in range(3):
        x = a * b - c * d       # a * b recycled, x stays
        y = a / b + c / d
        out.append(x)
        out.append(y)
        if a * c < b * d:       # a * c / b * d are not kept
            out.append(x * 1.0)
    return out


for i in range(WARM):
    sumsq(1.5, 2.5, float(i))
    mandel_step(0.1, 0.2, -0.5, 0.25)
    kept(1.5, 2.0, 3.0, 0.5)
show(sumsq(1.5, -2.0, 0.25), sumsq(-0.0, -0.0, -0.0), sumsq(1e200, 1.0, 1.0))
show(sumsq(float('nan'), 1.0, 1.0), sumsq(float('inf'), 1.0, 1.0))
z = (0.0, 0.0)
trail = []
for _ in range(20):
    z = mandel_step(z[0], z[1], -0.75, 0.1)
    trail.append(z)
show(trail[:3], trail[-1])
vals = kept(1.5, 2.0, 3.0, 0.5)
show(vals)
ids = [id(v) for v in vals]
show(len(set(ids)) == len(ids))    # every kept value its own object
show(vals == kept(1.5, 2.0, 3.0, 0.5))


# ---- the operand under the two loads is a variable, not a temporary ----
def not_temp(a, b):
    t = a * b
    r = t + (a * a)     # t is a local here: must not be recycled
    s = a * b
    u = s - (b * b)
    return t, r, s, u


for i in range(WARM):
    not_temp(1.25, 2.0)
show(not_temp(1.25, 2.0), not_temp(-0.0, 3.0))


# ---- walrus / chained values held elsewhere ----
held = []


def walrus(a, b):
    v = (w := a * a) + b * b
    held.append(w)
    return v, w


for i in range(WARM):
    walrus(1.0, float(i))
show(walrus(3.0, 4.0), held[-1], held[0])


def compare_kept(a, b):
    if (t := a * b) > 1.0:
        return t
    return -t


for i in range(WARM):
    compare_kept(2.0, 0.25)
r1 = compare_kept(2.0, 3.0)
r2 = compare_kept(4.0, 5.0)
show(r1, r2, r1 is r2)


# ---- subclasses and overridden dunders at recycling sites ----
class F(float):
    def __mul__(self, other):
        return F(float(self) * other + 1)

    def __rmul__(self, other):
        return F(other * float(self) - 1)


KEEP = 7.5


class G(float):
    def __mul__(self, other):
        return KEEP     # a live shared object


for i in range(WARM):
    sumsq(1.0, 2.0, 3.0)
show(sumsq(F(1.0), 2.0, 3.0), sumsq(1.0, F(2.0), 3.0), sumsq(1.0, 2.0, F(3.0)))
show(sumsq(G(1.0), 2.0, 3.0), sumsq(1.0, G(2.0), 3.0), KEEP)
show(sumsq(G(1.0), G(2.0), G(3.0)), KEEP, sumsq(1.5, 2.5, 3.5), KEEP)
show(type(sumsq(F(1.0), F(2.0), F(3.0))))


# ---- int / float mixes, big ints, division by zero ----
for i in range(WARM):
    sumsq(1.0, 2.0, 3.0)
show(sumsq(1, 2.0, 3.0), sumsq(1, 2, 3), sumsq(2**60, 1.0, 2.0))
try:
    sumsq(10**400, 1.0, 2.0)
except OverflowError as e:
    print('OverflowError', e)


def divs(a, b, c, d):
    return a / b + c / d


for i in range(WARM):
    divs(1.0, 2.0, 3.0, 4.0)
show(divs(1.0, 2.0, 3.0, 8.0), divs(-0.0, 1.0, 0.0, -1.0), divs(1, 3, 2, 3))
for args in [(1.0, 0.0, 1.0, 1.0), (1.0, 1.0, 1.0, 0.0), (1.0, -0.0, 1.0, 1.0), (1, 0, 1.0, 2.0)]:
    try:
        divs(*args)
    except ZeroDivisionError as e:
        print('ZeroDivisionError', e)


# ---- comparisons with NaN / -0.0 / ints at recycling compares ----
def cmp_sum(a, b, lim):
    if a * a + b * b > lim:
        return 'out'
    return 'in'


for i in range(WARM):
    cmp_sum(0.5, 0.5, 4.0)
show(cmp_sum(float('nan'), 1.0, 4.0), cmp_sum(-0.0, 0.0, 0.0), cmp_sum(2, 1, 4),
     cmp_sum(1e308, 1e308, 4.0), cmp_sum(3, 0.5, 2**80))


KEEP2 = 2.25


class H(float):
    def __mul__(self, other):
        return H(float(self) * other)

    def __add__(self, other):
        return KEEP2    # a live shared object reaching the compare


def cmp_sum2(a, b, lim):
    if a * a + b * b > lim:
        return 'out'
    return 'in'


for i in range(WARM):
    cmp_sum2(0.5, 0.5, 4.0)
show(cmp_sum2(H(1.0), 1.0, 4.0), cmp_sum2(0.5, 0.25, 1.0), sumsq(1.5, 2.5, 3.5), KEEP2)


# ---- a generator and nested frames sharing the spare ----
def gen_sq(xs):
    for x in xs:
        yield x * x + x * 0.5


def consume(n):
    total = 0.0
    keep = []
    for v in gen_sq([float(i) for i in range(n)]):
        total = total + v * v + v * 2.0
        keep.append(v)
    return total, keep[:4], sum(keep)


show(consume(50), consume(5))


# ---- math-heavy loop compared with a straightforward formula ----
def nbody_like(steps):
    a = [0.0, 0.0, 0.0, 0.01, 0.02, 0.03, 1.0]
    b = [1.0, 2.0, 3.0, -0.01, 0.0, 0.01, 0.5]
    dt = 0.01
    for _ in range(steps):
        dx = a[0] - b[0]
        dy = a[1] - b[1]
        dz = a[2] - b[2]
        d2 = dx * dx + dy * dy + dz * dz
        mag = dt / (d2 * math.sqrt(d2))
        bm = b[6] * mag
        am = a[6] * mag
        a[3] -= dx * bm
        a[4] -= dy * bm
        a[5] -= dz * bm
        b[3] += dx * am
        b[4] += dy * am
        b[5] += dz * am
        for body in (a, b):
            body[0] += dt * body[3]
            body[1] += dt * body[4]
            body[2] += dt * body[5]
    return a, b


show(nbody_like(1000))


# ---- float / int sites (BINARY_OP_NUMBER from the first specialisation) ----
def recip(n):
    return 1.0 / n, n * 0.5, 2.5 - n, n + 0.25


for i in range(1, WARM):
    recip(i)
for n in [3, -7, 2**53, 2**53 + 1, -(2**60) - 1, True, 7.5, 10**20]:
    show(recip(n))
for n in [0, False, -0.0, 10**400, -(10**400)]:
    try:
        show(recip(n))
    except (ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, e)
show(recip(F(2.0)), type(recip(F(2.0))[1]))


# ---- operands read through attributes (LOAD_FAST; LOAD_ATTR) ----
SHARED = [1.5]


class P:
    __slots__ = ('x', 'y')

    def __init__(self, x, y):
        self.x, self.y = x, y


class Q:
    def __init__(self, x):
        self._x = x

    @property
    def x(self):
        t = self._x * 2.0 + self._x * 0.5      # float temporaries in the getter
        SHARED.append(t)
        return t

    @property
    def y(self):
        return SHARED[0]                        # a live shared float

    def __getattr__(self, name):
        return SHARED[-1]


def dot(p, q):
    return p.x * q.x + p.y * q.y


def dot3(p, q):
    return p.x * q.x + p.y * q.y + p.z * q.z


for i in range(WARM):
    dot(P(1.0, 2.0), P(3.0, float(i)))
    dot3(Q(1.0), Q(2.0))
del SHARED[1:]
show(dot(P(1.5, 2.5), P(-3.0, 0.5)), dot(Q(1.0), Q(2.0)), dot(P(1.0, 2.0), Q(4.0)))
show(dot(Q(1.0), P(1.0, 2.0)), dot3(Q(1.0), Q(3.0)), SHARED)
keep = [dot(P(1.0, 1.0), P(float(i), 2.0)) for i in range(5)]
show(keep, dot(P(1, 2), P(3, 4)), dot(P(1.0, 2), P(3, 4.0)))
