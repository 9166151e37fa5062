"""itertools: __reduce__ / __setstate__ exercised through copy.copy (pickle
needs _struct, not there yet) — a copy resumes where the original is."""
import copy
import itertools as it


def resume(label, make, skip, n=30):
    a = make()
    for _ in range(skip):
        next(a, None)
    try:
        b = copy.copy(a)
    except Exception as e:
        print(label, type(e).__name__, e)
        return
    print(label, list(it.islice(b, n)), type(b).__name__)


for k in range(4):
    resume('combinations %d' % k, lambda: it.combinations('abcd', 2), k)
    resume('cwr %d' % k, lambda: it.combinations_with_replacement('abc', 2), k)
    resume('permutations %d' % k, lambda: it.permutations('abc'), k)
    resume('permutations r %d' % k, lambda: it.permutations(range(4), 2), k)
    resume('product %d' % k, lambda: it.product('ab', 'cde'), k)
    resume('product repeat %d' % k, lambda: it.product('ab', repeat=3), k)
resume('combinations over', lambda: it.combinations('ab', 2), 5)
resume('combinations r>n', lambda: it.combinations('ab', 3), 0)
resume('product over', lambda: it.product('ab'), 5)
resume('permutations over', lambda: it.permutations('ab'), 5)
resume('count', lambda: it.count(5, 3), 2, 5)
resume('cycle', lambda: it.cycle('abc'), 4, 7)
resume('repeat', lambda: it.repeat('x', 5), 2)
resume('islice', lambda: it.islice(range(20), 2, 15, 3), 1)
resume('accumulate', lambda: it.accumulate(range(6)), 2)
resume('dropwhile', lambda: it.dropwhile(lambda x: x < 3, range(6)), 1)
resume('takewhile', lambda: it.takewhile(lambda x: x < 3, range(6)), 1)
resume('filterfalse', lambda: it.filterfalse(None, [0, 1, 0, 2]), 1)
resume('starmap', lambda: it.starmap(pow, [(2, 3), (3, 2), (4, 2)]), 1)
resume('compress', lambda: it.compress('abcdef', [1, 0, 1, 1, 0, 1]), 1)
resume('chain', lambda: it.chain('ab', 'cd', 'ef'), 3)
resume('zip_longest', lambda: it.zip_longest('abc', 'd', fillvalue='*'), 1)
resume('groupby', lambda: ((k, ''.join(g)) for k, g in it.groupby('aabbbcd')), 1)
a, b = it.tee('abcdef')
next(a)
c = copy.copy(a)
print('tee', list(c), list(a), list(b))
print('product reduce', it.product('ab', repeat=2).__reduce__())
p = it.permutations('abc', 2)
next(p)
print('permutations reduce', p.__reduce__())
c2 = it.combinations('abcde', 3)
c2.__setstate__((0, 9, 9))
print('setstate clamps', list(c2))
