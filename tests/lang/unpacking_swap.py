# Parallel assignment without a tuple (BUILD_TUPLE + UNPACK_SEQUENCE of the
# same length becomes SWAP or store reordering): results, evaluation order,
# targets that are attributes / subscripts, and the wrong-length errors.
import sys

log = []


def v(name, value):
    log.append('load ' + name)
    return value


class Obj:
    def __setattr__(self, k, val):
        log.append('setattr %s=%r' % (k, val))
        object.__setattr__(self, k, val)


class Seq(list):
    def __setitem__(self, k, val):
        log.append('setitem %r=%r' % (k, val))
        list.__setitem__(self, k, val)


def simple(x, y, z):
    a, b = x, y
    print(a, b)
    a, b = b, a
    print(a, b)
    a, b, c = x, y, z
    print(a, b, c)
    a, b, c = c, a, b
    print(a, b, c)
    (a,) = (x,)
    print(a)
    a, = x,
    print(a)
    [a, b] = x, y
    print(a, b)
    a, b = (x,
            y)
    print(a, b)
    # `a, a = x, y` is left out: CPython 3.11.2 reorders those stores too
    # (y is lost); 3.11.4 and Kiln keep the last store's value.
    a, _ = x, y
    print(a)


simple(1, 2, 3)
simple('p', 'q', 'r')


def order():
    o = Obj()
    s = Seq([0, 0, 0])
    log.clear()
    o.x, s[0] = v('a', 1), v('b', 2)
    print(log)
    log.clear()
    s[1], o.y, s[2] = v('a', 'A'), v('b', 'B'), v('c', 'C')
    print(log, s, o.x, o.y)
    log.clear()
    o.x, o.y = o.y, o.x
    print(log, o.x, o.y)
    log.clear()
    s[0], s[1] = s[1], s[0]
    print(log, s)


order()


def globals_swap():
    global G1, G2
    G1, G2 = 1, 2
    G1, G2 = G2, G1
    print(G1, G2)


globals_swap()
M1, M2, M3 = 'x', 'y', 'z'
M1, M2, M3 = M3, M1, M2
print(M1, M2, M3)


def nested(x, y, z):
    (a, b), c = (x, y), z
    print(a, b, c)
    a, (b, c) = x, (y, z)
    print(a, b, c)
    a, b = c, d = x, y
    print(a, b, c, d)


nested(1, 2, 3)


def wrong_lengths():
    cases = [
        lambda: exec('a, b = 1, 2, 3'),
        lambda: exec('a, b, c = 1, 2'),
        lambda: exec('a, b = [1]'),
        lambda: exec('a, b = (x for x in range(3))'),
        lambda: exec('a, b = 5'),
        lambda: exec('a, b, c, d = "ab"'),
    ]
    for f in cases:
        try:
            f()
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)


wrong_lengths()


def in_loop(n):
    a, b = 0, 1
    for i in range(n):
        a, b = b, a + b
    return a


print(in_loop(90))


def tracing():
    events = []

    def tr(frame, event, arg):
        if frame.f_code.co_name == 'target':
            events.append((event, frame.f_lineno - frame.f_code.co_firstlineno))
        return tr

    def target(x, y):
        a, b = x, y
        a, b = (b,
                a)
        return a - b

    sys.settrace(tr)
    try:
        r = target(5, 7)
    finally:
        sys.settrace(None)
    print(r, events)


tracing()
