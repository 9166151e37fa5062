# `a[i:j]`, `a[i:j:k]` and `a[i:j] = v` in warm code: libjit fuses
# BUILD_SLICE with the subscript after it for exact list / tuple / str
# containers and None-or-int bounds (no slice object).  Every other case
# (subclasses, __index__ / bool / big-int bounds, step 0, iterables of
# another length, errors) must behave exactly as the generic path.
import sys


class L(list):
    def __getitem__(self, k):
        return ('get', type(k).__name__, list.__getitem__(self, k))

    def __setitem__(self, k, v):
        list.__setitem__(self, k, v)
        self.append(('set', type(k).__name__))


class T(tuple):
    pass


class S(str):
    pass


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v

    def __repr__(self):
        return 'Idx(%d)' % self.v


class Weird:
    def __getitem__(self, k):
        return (k.start, k.stop, k.step)

    def __setitem__(self, k, v):
        self.last = (k, v)


def read(c, i, j, k):
    # one site per shape; the same sites see every container below
    return (c[:], c[i:], c[:j], c[i:j], c[i:j:k], c[::k], c[j:i:-1], c[::-1])


def show(r):
    return [type(x).__name__ + ':' + repr(x) for x in r]


def read_all():
    base = list(range(12))
    conts = [base, tuple(base), 'abcdefghijkl', L(base), T(base), S('abcdefghijkl'),
             Weird(), range(12), b'abcdefghijkl', bytearray(b'xyz' * 4)]
    bounds = [(2, 9, 2), (-3, -1, -2), (0, 0, 1), (-100, 100, 3), (100, -100, -1),
              (True, False, True), (Idx(1), Idx(5), Idx(2)),
              (2 ** 40, -(2 ** 40), 2 ** 40), (2 ** 70, -(2 ** 70), -(2 ** 70)),
              (sys.maxsize, -sys.maxsize - 1, -sys.maxsize), (None, None, None),
              (1, 2 ** 31, 2 ** 31 - 1), (-(2 ** 31), 2 ** 30, -(2 ** 30))]
    for rnd in range(3):
        for c in conts:
            for i, j, k in bounds:
                r = read(c, i, j, k)
                if rnd == 2:
                    print(type(c).__name__, show(r))


def identity():
    t = (1, 2, 3)
    s = 'xyz'
    l = [1, 2, 3]
    out = []
    for _ in range(20):
        out.append((t[:] is t, t[0:3] is t, t[0:] is t, t[::1] is t, s[:] is s,
                    s[0:3] is s, l[:] is l, l[:] == l, T(t)[:] is t, type(T(t)[:]).__name__))
    print(out[0], out[-1])


def errors():
    cases = [
        lambda c: c[::0],
        lambda c: c[1:2:0],
        lambda c: c['a':2],
        lambda c: c[1:2.0],
        lambda c: c[1:2:'x'],
        lambda c: c[1.5:],
    ]
    for rnd in range(12):
        for c in ([1, 2, 3], (1, 2, 3), 'abc'):
            for f in cases:
                try:
                    f(c)
                except (TypeError, ValueError) as e:
                    if rnd == 11:
                        print(type(c).__name__, type(e).__name__, e,
                              e.__traceback__.tb_next.tb_lineno)


def stores():
    out = []
    for rnd in range(15):
        a = list(range(10))
        a[:3] = a[2::-1]          # reverse the head (reads the same list)
        a[1:4] = (7, 8)           # shorter tuple
        a[5:5] = [1, 2, 3]        # insertion
        a[-2:] = []               # deletion by assignment
        a[100:] = [99]            # append past the end
        a[:-100] = [-1]           # insert at the front
        a[6:2] = ['x']            # empty range: insert at 6
        a[True:False] = ['b']     # bool bounds: generic path
        a[Idx(0):Idx(1)] = 'ZZ'   # __index__ bounds and a str value
        a[2:4] = a                # self-assignment
        b = L([0, 1, 2, 3])
        b[1:3] = [9]              # list subclass container: its __setitem__
        c = [0, 1, 2, 3, 4]
        c[1:3] = L([5, 6, 7])     # list subclass value: iterated
        c[0:1] = (x * 2 for x in range(3))   # generator value
        c[2 ** 40:] = [8]
        c[-(2 ** 70):1] = ['big']
        w = Weird()
        w[1:2] = 'v'
        out.append((a, list(b), c, w.last))
    print(out[0])
    print(out[-1])
    print(all(o == out[0] for o in out))


def store_errors():
    for rnd in range(12):
        a = [1, 2, 3]
        msgs = []
        try:
            a[0:1] = 5
        except TypeError as e:
            msgs.append(str(e))
        try:
            a['x':1] = [1]
        except TypeError as e:
            msgs.append(str(e))
        try:
            a[::2] = [1, 2, 3]
        except ValueError as e:
            msgs.append(str(e))
        try:
            t = (1, 2)
            t[0:1] = [3]
        except TypeError as e:
            msgs.append(str(e))
        if rnd == 11:
            print(msgs, a)


def traced():
    seen = []

    def tr(frame, event, arg):
        if event == 'line' and frame.f_code.co_name == 'body':
            seen.append(frame.f_lineno - body.__code__.co_firstlineno)
        return tr

    def body(p):
        for _ in range(3):
            p[:2] = p[1::-1]
            q = p[
                1:3]
        return p, q

    for _ in range(20):
        body([1, 2, 3, 4])   # warm: fused forms written
    sys.settrace(tr)
    try:
        r = body([1, 2, 3, 4])
    finally:
        sys.settrace(None)
    print(r, seen)


def fannkuch_like(n):
    perm1 = list(range(n))
    count = [0] * n
    checksum = max_flips = permutations = 0
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        max_flips = max(max_flips, flips)
        checksum += flips if permutations % 2 == 0 else -flips
        permutations += 1
        while True:
            if r == n:
                return checksum, max_flips
            first = perm1[0]
            perm1[:r] = perm1[1:r + 1]
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


read_all()
identity()
errors()
stores()
store_errors()
traced()
print(fannkuch_like(7))
