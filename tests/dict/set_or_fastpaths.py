# `a | {x}` and `a | b` on exact sets/frozensets (libjit BUILD_SET_OR1,
# BINARY_OP_OR_SET): results, types, order, errors and their positions,
# subclasses and overridden dunders at the same (warm) sites.
import sys
import traceback


def union_one(a, x):
    return a | {x}


def union(a, b):
    return a | b


def show(s):
    return type(s).__name__, list(s)


class FS(frozenset):
    pass


class S(set):
    def __or__(self, other):
        return 'S.__or__'


class Key:
    def __init__(self, v, h):
        self.v, self.h = v, h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        print('eq', self.v, getattr(other, 'v', other))
        return isinstance(other, Key) and other.v == self.v

    def __repr__(self):
        return 'Key(%r)' % self.v


class Rhs:
    def __ror__(self, other):
        return ('ror', type(other).__name__)


def main():
    for i in range(40):                         # warm the sites
        r = union_one(frozenset(range(i % 12)), i)
        r2 = union_one(set(range(i % 5)), str(i))
        r3 = union(frozenset({i}), {i + 1})
    print(show(r), sorted(r2), show(r3))
    # the element order of every size (table growth) matches CPython
    for n in range(0, 40):
        a = frozenset(range(0, 3 * n, 3))
        print(n, list(union_one(a, 7 * n)), list(union_one(set(a), -n)))
        print(sorted(union_one(frozenset(str(k) for k in range(n)), 'x')))
    # left operand identity / types
    s = {1, 2}
    r = union_one(s, 3)
    print(r is s, s, r, type(r).__name__)
    print(show(union_one(frozenset(), 0)), show(union_one(set(), 'a')))
    print(show(union_one(FS({1}), 2)), union_one(S({1}), 2))
    print(union_one(frozenset({1}), 1), union_one(frozenset({1}), True))
    print(show(union_one(frozenset({1.0}), 1)), show(union_one(frozenset({-0.0}), 0)))
    nan = float('nan')
    print(len(union_one(frozenset({nan}), 5)), len(union(frozenset({nan}), {nan})))
    # an element type other than int/str goes the plain way
    print(show(union_one(frozenset({1}), 2.5)), show(union_one(frozenset({1}), (1, 2))))
    k1, k2 = Key('a', 1), Key('b', 1)
    print(sorted(map(repr, union_one(frozenset({k1}), k2))))
    print(sorted(map(repr, union(frozenset({k1}), {Key('a', 1)}))))
    # an int key equal-hashed to a Key: Key.__eq__ runs (int key, fused path)
    print(sorted(map(repr, union_one(frozenset({Key('c', 5)}), 5))))
    # unhashable element: TypeError from the BUILD_SET
    for bad in ([], {}, set()):
        try:
            union_one(frozenset({1}), bad)
        except TypeError as e:
            print('TypeError', e)
    # a raising __eq__ during the union: reported at the `|`
    class Boom:
        def __hash__(self):
            return 3

        def __eq__(self, other):
            raise ValueError('boom')
    try:
        union_one(frozenset({Boom()}), 3)
    except ValueError as e:
        tb = traceback.extract_tb(e.__traceback__)
        print('ValueError', e, [(f.name, f.line) for f in tb][:2])
        fr = tb[1]
        print(fr.colno, fr.end_colno)
    # __eq__ mutating the left set while it is copied/merged
    class Mut:
        def __init__(self, target):
            self.target = target

        def __hash__(self):
            return 9

        def __eq__(self, other):
            self.target.clear()
            return False
    base = set()
    m = Mut(base)
    base.add(m)
    out = union_one(base, 9)
    print(len(out), len(base))
    # non-set left operands, __ror__ on the right
    print(union_one({1: 2}.keys(), 3))
    try:
        union_one([1], 2)
    except TypeError as e:
        print('TypeError', e)
    print(union(frozenset({1}), Rhs()), union({1}, Rhs()))
    print(show(union({1}, frozenset({2}))), show(union(frozenset({1}), {2})))
    print(show(union(s, s)), union(frozenset(), frozenset()) == frozenset())
    # tracing sees BUILD_SET and BINARY_OP as usual
    events = []

    def tr(frame, ev, arg):
        if frame.f_code is union_one.__code__:
            frame.f_trace_opcodes = True
            if ev == 'opcode':
                events.append(frame.f_lasti)
        return tr
    sys.settrace(tr)
    union_one(frozenset({1}), 2)
    sys.settrace(None)
    import dis
    names = {i.offset: i.opname for i in dis.get_instructions(union_one)}
    print([names[o] for o in events])
    print(hash(union_one(frozenset({1, 2}), 3)) == hash(frozenset({1, 2, 3})))


main()
