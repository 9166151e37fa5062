# `c[k] op= v` ends with SWAP 3; SWAP 2; STORE_SUBSCR, fused in warm code
# for an exact list and an int index (libjit SWAP_STORE_SUBSCR); every
# other case must run the three instructions with CPython's behaviour.
import sys


class L(list):
    def __setitem__(self, k, v):
        list.__setitem__(self, k, ('set', v))


def run():
    out = []
    for _ in range(12):
        l = [1.5, 2, 'a', [0]]
        l[0] += 1.0
        l[1] *= 3
        l[-2] += 'b'
        l[3] += [1]
        l[True] -= 1
        l[0] /= 2
        d = {'k': 1}
        d['k'] += 1
        s = L([1, 2])
        s[0] += 10
        x = [0] * 3
        for i in range(3):
            x[i] += i
            x[-1 - i] += 1
        n = [10]
        n[0] += 2 ** 70
        n[0] -= 2 ** 70
        nested = [[1, 2], [3]]
        nested[0][1] += 5
        out.append((l, d, s, x, n, nested))
    print(out[-1])
    for bad in (lambda l: l.__setitem__(9, 0), None):
        pass
    cases = []
    for k in (5, -9, 2 ** 64, 'x', 1.0):
        for _ in range(12):
            l = [1, 2]
            try:
                l[k] += 1
            except (IndexError, TypeError) as e:
                tb = e.__traceback__
                r = (type(e).__name__, str(e), tb.tb_lineno - run.__code__.co_firstlineno)
        cases.append(r)
    print(cases)
    t = (1, 2)
    for _ in range(12):
        try:
            t[0] += 1
        except TypeError as e:
            r = str(e)
    print(r)
    lst = [[1]]
    tup = ([1],)
    for _ in range(12):
        try:
            tup[0] += [2]
        except TypeError as e:
            r = str(e)
    print(r, tup)

    class Shrink:
        def __radd__(self, other):
            target.clear()
            return 5
    for _ in range(12):
        target = [1, 2]
        try:
            target[
                1] += Shrink()
        except IndexError as e:
            tb = e.__traceback__
            r = (str(e), tb.tb_lineno - run.__code__.co_firstlineno, target)
    print(r)


run()
