# FOR_ITER_RANGE / _LIST / _TUPLE (libjit eval_spec_iter.inc): the inline
# forms must behave exactly as the iterators' __next__.  Each case runs in
# a loop so the code is warm and the forms are in use.


def list_mutation():
    out = []
    for _ in range(12):
        l = [1, 2, 3]
        seen = []
        for x in l:
            seen.append(x)
            if x == 1:
                l.append(4)         # grows: the new item is visited
            if x == 3:
                del l[0]            # shrinks under the index
        out.append(seen)
        l = [1, 2, 3, 4, 5]
        seen = []
        for x in l:
            seen.append(x)
            l.clear() if x == 2 else None
        out.append(seen)
    print(out[-2:])


def reuse_after_exhaustion():
    res = []
    for _ in range(12):
        l = [1, 2]
        it = iter(l)
        a = [x for x in it]
        l.append(3)                 # an exhausted list iterator stays exhausted
        b = [x for x in it]
        t = iter((1, 2))
        c = [x for x in t]
        d = [x for x in t]
        r = iter(range(3))
        e = [x for x in r]
        f = [x for x in r]
        res.append((a, b, c, d, e, f, list(it), list(t), list(r)))
    print(res[-1])


def partial_then_resume():
    res = []
    for _ in range(12):
        it = iter(range(10))
        for x in it:
            if x == 3:
                break
        rest = []
        for x in it:
            rest.append(x)
        lt = iter([1, 2, 3, 4])
        for x in lt:
            if x == 2:
                break
        res.append((rest, next(lt), list(lt), it.__length_hint__()))
    print(res[-1])


def ranges():
    res = []
    big = 2 ** 63
    for _ in range(10):
        row = []
        for r in (range(5), range(-3, 3), range(10, 0, -3), range(0),
                  range(5, 1), range(-5, -20, -4),
                  range(2 ** 62, 2 ** 62 + 3),
                  range(-2 ** 63, -2 ** 63 + 2),
                  range(2 ** 63 - 3, 2 ** 63 - 1),
                  range(9223372036854775800, -9223372036854775800, -2 ** 62),
                  range(big, big + 3),            # longrange_iterator
                  range(0, big * 4, big),
                  range(-big * 2, 0, big),
                  range(0, 10, 2 ** 70)):
            s = []
            for x in r:
                s.append(x)
            row.append(s)
        res.append(row)
    for s in res[-1]:
        print(s)
    i = 1000
    for i in range(1000, 1000):
        pass
    print(i)


def small_int_identity():
    ok = True
    for _ in range(10):
        for i in range(-5, 257):
            ok = ok and (i is int(str(i)))
    print(ok)


class MyList(list):
    def __iter__(self):
        return iter([9, 8])


class MyTuple(tuple):
    pass


def polymorphic():
    out = []
    for _ in range(12):
        for seq in ([1, 2], (3, 4), range(5, 7), MyList([1]), MyTuple((7,)),
                    "ab", {10: 1}, (x for x in (11, 12)), iter([13]),
                    reversed([14, 15]), b"\x10"):
            s = []
            for x in seq:
                s.append(x)
            out.append(s)
    print(out[-11:])


def loop_var_forms():
    # the value goes straight into the local: plain store, store+load pair,
    # unbound name right after the store, a for target that is not a local
    res = []
    for _ in range(12):
        t = 0
        for i in range(4):
            t += i
        for j in [5, 6]:
            t += j * i
        for k in (7,):
            t = t + k
        res.append(t)
    print(res[-1])

    def unbound():
        for q in [1, 2]:
            q
            zz
        zz = 1
    for _ in range(12):
        try:
            unbound()
        except UnboundLocalError as e:
            msg = str(e)
    print(msg)

    def unbound_pair():
        for q in [1, 2]:
            zz
        zz = 1
    lines = []
    for _ in range(12):
        try:
            unbound_pair()
        except UnboundLocalError as e:
            tb = e.__traceback__
            while tb.tb_next:
                tb = tb.tb_next
            lines.append(tb.tb_lineno - unbound_pair.__code__.co_firstlineno)
    print(lines)

    class Box:
        pass
    b = Box()
    g = {}
    for _ in range(12):
        for b.attr in range(3):
            pass
        for g['k'] in (1, 2):
            pass
        for a, bb in [(1, 2), (3, 4)]:
            pass
        for *st, en in ((1, 2, 3),):
            pass
    print(b.attr, g, a, bb, st, en)


def nested_and_else():
    out = []
    for _ in range(12):
        s = 0
        for i in range(3):
            for j in (1, 2):
                for k in [i, j]:
                    s += k
        else:
            s += 100
        for i in []:
            s = -1
        else:
            s += 1
        out.append(s)
    print(out[-1])


def generator_in_between():
    def gen(l):
        for x in l:
            yield x * 2
    out = []
    for _ in range(12):
        out.append(list(gen([1, 2, 3])) + list(gen((4,))) + list(gen(range(2))))
    print(out[-1])


def tracing():
    import sys
    events = []

    def tr(frame, event, arg):
        if frame.f_code.co_name == 'loop':
            events.append((event, frame.f_lineno - loop.__code__.co_firstlineno))
        return tr

    def loop(seq):
        t = 0
        for x in seq:
            t += x
        return t
    for _ in range(12):
        loop([1, 2])
        loop(range(3))
    sys.settrace(tr)
    r = (loop([1, 2]), loop(range(2)), loop((5,)))
    sys.settrace(None)
    print(r, events)


def unpack_in_for():
    res = []
    for _ in range(12):
        t = 0
        for a, b in [(1, 2), (3, 4), [5, 6]]:
            t += a * 10 + b
        for a, a in ((7, 8),):
            t += a
        for x, y in ((1, 2),) * 3 + (range(2),):
            t += x - y
        res.append(t)
    print(res[-1])
    for bad in ([(1, 2), (1, 2, 3)], [(1, 2), (1,)], [(1, 2), 5]):
        for _ in range(12):
            try:
                for a, b in bad:
                    pass
            except (ValueError, TypeError) as e:
                msg = (type(e).__name__, str(e), a, b)
        print(msg)


unpack_in_for()
list_mutation()
reuse_after_exhaustion()
partial_then_resume()
ranges()
small_int_identity()
polymorphic()
loop_var_forms()
nested_and_else()
generator_in_between()
tracing()
