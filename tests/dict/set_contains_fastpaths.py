# `x in s` / `x not in s` in warm code (libjit CONTAINS_OP_Q / _JUMP):
# exact set/frozenset containers, subclasses, other containers, keys with
# overridden __hash__/__eq__, unhashable keys, set keys (frozenset
# fallback), mutation during the lookup, NaN and -0.0.


def test_in(x, s):
    return x in s


def test_not_in(x, s):
    return x not in s


def branch(x, s):
    if x in s:
        return 'yes'
    return 'no'


def branch_not(x, s):
    if x not in s:
        return 'absent'
    return 'present'


def count_while(s):
    # loop condition `in`: the backward jump of a while loop
    n = 0
    while n in s:
        n += 1
    return n


class SubSet(set):
    def __contains__(self, x):
        return x == 'magic'


class SubFS(frozenset):
    pass


class SubDict(dict):
    def __contains__(self, x):
        return x == 'magic'


class MissingDict(dict):
    def __missing__(self, key):
        return 0


class Weird:
    def __init__(self, v, h):
        self.v, self.h = v, h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        return isinstance(other, Weird) and self.v == other.v


class Mutator:
    def __init__(self, target):
        self.target = target

    def __hash__(self):
        return 1

    def __eq__(self, other):
        self.target.clear()
        self.target.update(range(100, 120))
        return False


class Bad:
    def __hash__(self):
        raise RuntimeError('no hash')


class Cont:
    def __contains__(self, x):
        return x > 3


def run(tag, f, *args):
    try:
        print(tag, f(*args))
    except Exception as e:
        print(tag, type(e).__name__, e)


def main():
    s = {1, 2, 'a', (1, 2), frozenset({3})}
    fs = frozenset(s)
    for i in range(30):     # warm everything
        test_in(i, s); test_not_in(i, fs); branch(i, s); branch_not(i, fs); count_while({0, 1})
    for cont in (s, fs, SubSet(s), SubFS(s), {1: 2, 'a': 3}, SubDict(a=1), MissingDict(a=1), {}.keys(), {1: 2}.keys(),
                 [1, 'a'], (2,), 'abc', range(3), Cont()):
        for key in (1, 2, 'a', 'b', (1, 2), 5, 1.0, True):
            row = []
            for f in (test_in, test_not_in, branch, branch_not):
                try:
                    row.append(f(key, cont))
                except TypeError as e:
                    row.append('TypeError: %s' % e)
            print(type(cont).__name__, repr(key), row)
    print(count_while(set(range(10))), count_while(frozenset()), count_while({0, 2}))
    # set keys look up the equal frozenset; unhashable keys raise
    print(test_in({3}, s), test_in(set(), fs), test_not_in({3}, fs), branch({3}, s))
    for key in ([], {}, [1]):
        run('unhashable', test_in, key, s)
        run('unhashable', branch_not, key, fs)
    run('unhashable dict', test_in, [], {1: 2})
    run('unhashable dict', branch, {}, {1: 2})
    run('bad hash dict', branch_not, Bad(), {1: 2})
    try:
        branch({3}, {frozenset({3}): 1})
    except TypeError as e:
        print('TypeError', e)
    wd = {Weird(1, 7): 'x', Weird(2, 7): 'y'}
    print(test_in(Weird(2, 7), wd), branch(Weird(9, 7), wd))
    class DictMutator:
        def __init__(self, target):
            self.target = target

        def __hash__(self):
            return 1

        def __eq__(self, other):
            self.target.clear()
            self.target.update((k, k) for k in range(100, 120))
            return False
    md = {}
    md[DictMutator(md)] = 1
    print(branch(DictMutator(md), md), sorted(md)[:3])
    run('bad hash', test_in, Bad(), s)
    run('bad hash', branch, Bad(), fs)
    run('not a container', test_in, 1, 5)
    run('not a container', branch, 1, None)
    run('subset override', branch, 'magic', SubSet())
    # equal hashes, __eq__ decides
    w = {Weird(1, 7), Weird(2, 7)}
    print(test_in(Weird(1, 7), w), test_in(Weird(3, 7), w), branch(Weird(2, 7), frozenset(w)))
    # __eq__ mutating the set being searched
    target = set()
    target.add(Mutator(target))
    print(branch(Mutator(target), target), sorted(target)[:3])
    target2 = {7}
    run('mutate-in', test_in, Mutator(target2), target2)
    # NaN and -0.0
    nan = float('nan')
    sn = {nan, -0.0}
    print(test_in(nan, sn), test_in(float('nan'), sn), test_in(0.0, sn), test_in(0, sn),
          branch(-0.0, frozenset({0})), test_not_in(False, sn))
    # big ints and strings built at run time
    big = 2 ** 70
    print(test_in(2 ** 70, {big}), branch(''.join(['a', 'b']), {'ab'}), test_in(-1, {-2}),
          test_in(-2, {-1}), test_in(-1, {-1}))


main()
