"""_operator: the C functions replace operator.py's, with CPython's
messages; attrgetter / itemgetter / methodcaller reprs and reduce."""
import operator
import _operator


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


names = [n for n in dir(operator) if not n.startswith('_')]
print('same objects', [n for n in names if getattr(operator, n) is not getattr(_operator, n, None)])
for name in ['add', 'sub', 'mul', 'truediv', 'floordiv', 'mod', 'pow', 'lshift', 'rshift',
             'and_', 'or_', 'xor', 'lt', 'le', 'eq', 'ne', 'gt', 'ge', 'is_', 'is_not']:
    f = getattr(operator, name)
    show(name, lambda: (f(13, 4), f(-7, 2)))
    show(name + ' err', lambda: f(1, 'a'))
for name in ['neg', 'pos', 'abs', 'inv', 'invert', 'index', 'truth', 'not_']:
    f = getattr(operator, name)
    show(name, lambda: (f(5), f(0)))
    show(name + ' nargs', lambda: f(1, 2))
show('matmul', lambda: operator.matmul(1, 2))
l = [1]
show('iadd', lambda: (operator.iadd(l, (2, 3)), l))
show('iconcat', lambda: operator.iconcat(1, 2))
show('concat', lambda: operator.concat([1], (2,)))
show('concat str', lambda: operator.concat('a', 'b'))
show('contains', lambda: operator.contains([1, 2], 2))
show('countOf', lambda: operator.countOf([1, 2, 1, 1], 1))
show('countOf err', lambda: operator.countOf(1, 1))
show('indexOf', lambda: operator.indexOf('abc', 'c'))
show('indexOf err', lambda: operator.indexOf([1], 2))
d = {}
show('setitem', lambda: (operator.setitem(d, 'k', 1), d))
show('delitem', lambda: (operator.delitem(d, 'k'), d))
show('getitem', lambda: operator.getitem('abc', slice(1, None)))
show('length_hint', lambda: (operator.length_hint([1, 2]), operator.length_hint(iter(range(5))),
                             operator.length_hint(3, 9)))
show('call', lambda: operator.call(max, 1, 5, key=lambda x: -x))
show('_compare_digest', lambda: (operator._compare_digest(b'ab', b'ab'),
                                 operator._compare_digest('ab', 'ac')))
show('_compare_digest err', lambda: operator._compare_digest('a', b'a'))
ag = operator.attrgetter('real', 'imag.real')
show('attrgetter', lambda: (ag(3 + 4j), repr(ag), ag.__reduce__()))
ig = operator.itemgetter(0, -1)
show('itemgetter', lambda: (ig('hello'), repr(ig), ig.__reduce__()))
mc = operator.methodcaller('split', ',', maxsplit=1)
show('methodcaller', lambda: (mc('a,b,c'), repr(mc)))
show('methodcaller reduce', lambda: mc.__reduce__())
show('attrgetter err', lambda: operator.attrgetter(1))
show('methodcaller err', lambda: operator.methodcaller())
show('sorted key', lambda: sorted([(1, 'b'), (0, 'c'), (2, 'a')], key=operator.itemgetter(1)))
