"""_collections: deque, defaultdict, namedtuple's _tuplegetter and Counter's
_count_elements, through the collections package."""
import collections
import copy
import _collections


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print('C versions', collections.deque is _collections.deque,
      collections.defaultdict is _collections.defaultdict)
d = collections.deque(range(6), maxlen=8)
d.rotate(2)
d.extendleft('ab')
d.append(99)
show('deque', lambda: (d, len(d), d[0], d[-1], d.maxlen))
show('index', lambda: (d.index(0), d.index(99, -3), d.count(1)))
show('index err', lambda: d.index(42))
show('ops', lambda: (d + collections.deque([1]), collections.deque('ab') * 2, 'a' in d))
show('compare', lambda: (collections.deque([1, 2]) < collections.deque([1, 3]),
                         collections.deque([1]) == [1]))
show('reversed', lambda: list(reversed(collections.deque('abc'))))
show('copy', lambda: (copy.copy(d), copy.deepcopy(collections.deque([[1]]))))
show('pop empty', lambda: collections.deque().pop())
show('maxlen err', lambda: collections.deque(maxlen=-1))
show('hash', lambda: hash(collections.deque()))
show('class_getitem', lambda: collections.deque[int])
e = collections.deque([1, 2, 3])
e.append(e)
show('recursive repr', lambda: repr(e))
m = collections.deque([1, 2, 3])
try:
    for x in m:
        m.append(x)
except RuntimeError as err:
    print('mutated', err)
del m[1]
m[0] = 'z'
show('del/set', lambda: m)
m *= 2
m += 'q'
show('imul/iadd', lambda: m)


class D(collections.deque):
    pass


show('subclass copy', lambda: (type(D([1]).copy()).__name__, repr(D([1], 3)), D('ab') + D('c')))

dd = collections.defaultdict(list)
for k, v in [('a', 1), ('b', 2), ('a', 3)]:
    dd[k].append(v)
show('defaultdict', lambda: (dd, dd.default_factory, dd.copy(), copy.copy(dd)))
show('dd or', lambda: (dd | {'c': 0}, {'z': 1} | dd))
show('dd reduce', lambda: dd.__reduce__()[:2])
show('dd missing', lambda: collections.defaultdict()['x'])
show('dd bad', lambda: collections.defaultdict(5))
show('dd get', lambda: (dd.get('nope'), 'nope' in dd))
counter = collections.defaultdict(int)
for ch in 'mississippi':
    counter[ch] += 1
show('dd int', lambda: sorted(counter.items()))
show('Counter', lambda: collections.Counter('abracadabra').most_common(3))
Point = collections.namedtuple('Point', 'x y')
pt = Point(3, 4)
show('namedtuple', lambda: (pt, pt.x, pt.y, Point.x.__doc__, type(Point.x).__name__))
show('_replace', lambda: pt._replace(x=9))
