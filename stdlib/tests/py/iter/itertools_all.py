"""itertools: every member against CPython, including errors, reprs,
pickling support (__reduce__ / __setstate__) and tee's shared buffer."""
import itertools as it
import operator


def show(label, f):
    try:
        r = f()
        if hasattr(r, '__next__'):
            r = list(it.islice(r, 25))
        print(label, r)
    except Exception as e:
        print(label, type(e).__name__, e)


show('count', lambda: it.count(2, 3))
show('count float', lambda: it.count(0.5, 0.25))
show('count repr', lambda: (repr(it.count()), repr(it.count(1, 2)), repr(it.count(1.0, 1))))
show('count bad', lambda: it.count('a'))
show('cycle', lambda: it.cycle('abc'))
show('repeat', lambda: it.repeat('x', 4))
show('repeat repr', lambda: (repr(it.repeat(1)), repr(it.repeat(1, 2))))
show('repeat hint', lambda: operator.length_hint(it.repeat(1, 7)))
show('accumulate', lambda: it.accumulate([1, 2, 3, 4], operator.mul, initial=10))
show('accumulate max', lambda: it.accumulate([3, 1, 4, 1, 5], max))
show('chain', lambda: it.chain('ab', [1, 2], ()))
show('chain.from_iterable', lambda: it.chain.from_iterable(['ab', 'cd']))
show('chain[int]', lambda: repr(it.chain[int]))
show('compress', lambda: it.compress('ABCDEF', [1, 0, 1, 0, 1, 1]))
show('dropwhile', lambda: it.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1]))
show('takewhile', lambda: it.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1]))
show('filterfalse', lambda: it.filterfalse(None, [0, 1, '', 'a', None]))
show('starmap', lambda: it.starmap(pow, [(2, 5), (3, 2), [10, 3]]))
show('pairwise', lambda: it.pairwise('abcde'))
show('islice', lambda: it.islice(it.count(), 5, 50, 7))
show('islice err', lambda: it.islice('abc', -1))
show('islice err2', lambda: it.islice('abc', 0, 5, 0))
show('zip_longest', lambda: it.zip_longest('abcd', 'xy', fillvalue='-'))
show('product', lambda: it.product('ab', range(2), repeat=2))
show('permutations', lambda: it.permutations(range(4), 2))
show('combinations', lambda: it.combinations('abcde', 3))
show('cwr', lambda: it.combinations_with_replacement('abc', 2))
show('groupby', lambda: [(k, list(g)) for k, g in it.groupby('aaabbcaa')])
show('groupby key', lambda: [(k, list(g)) for k, g in it.groupby(range(10), lambda x: x // 4)])

# groupby: an old grouper is empty once the groupby has moved on
g = it.groupby('aabb')
k1, g1 = next(g)
k2, g2 = next(g)
print('stale grouper', list(g1), list(g2))

# tee shares one buffer; a copy of a copy starts where the copy is
a, b = it.tee(iter(range(200)))
print('tee', [next(a) for _ in range(120)][-3:], next(b), type(a).__name__)
c = b.__copy__()
print('tee copy', next(b), next(c), list(it.islice(c, 3)))
print('tee n=0', it.tee('x', 0))
x, y, z = it.tee('abc', 3)
print('tee 3', list(x), list(y), list(z))

# pickling state
print('count reduce', it.count(3, 2).__reduce__())
r = it.repeat('a', 3)
next(r)
print('repeat reduce', r.__reduce__())
s = it.islice('abcdefgh', 1, 7, 2)
next(s)
red = s.__reduce__()
print('islice reduce', red[1][1:], red[2])
t = it.takewhile(bool, [1, 0, 1])
print('takewhile', list(t), t.__reduce__()[2])
acc = it.accumulate([1, 2, 3])
next(acc)
print('accumulate reduce', acc.__reduce__()[2])

# a step that runs past sys.maxsize lands on stop, as CPython's wrapped sum does
import sys
big = it.islice(iter(range(10)), 2, None, sys.maxsize)
print('islice maxsize', next(big), list(big), list(it.islice(range(10), 2, 8, sys.maxsize)))
