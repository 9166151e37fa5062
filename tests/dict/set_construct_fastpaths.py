# set/frozenset construction: exact types take a direct allocation,
# subclasses keep tp_alloc/__init__; operators return the base type.
class S(set):
    def __init__(self, *a):
        print('S.__init__', len(a))
        super().__init__(*a)


class F(frozenset):
    pass


s = S([3, 1, 2])
f = F([5, 4])
print(type(s).__name__, sorted(s), type(f).__name__, sorted(f))
print(type(s | {9}).__name__, type(f | {9}).__name__, type({9} | f).__name__)
print(type(s.copy()).__name__, type(f.copy()).__name__, f.copy() is f)
print(type(frozenset(f)).__name__, frozenset(frozenset([1])) == {1})
x = frozenset(range(5))
print(frozenset(x) is x, set(x) == x, set() == frozenset(), hash(frozenset()) == hash(frozenset([])))
print(sorted(set('hello')), sorted(frozenset(b'ab')), {1, 2} | {2, 3}, {1, 2} & {2, 3})
acc = frozenset()
for c in range(12):
    acc = acc | {c * 7 % 12}
print(list(acc), hash(acc) == hash(frozenset(range(12))))
try:
    set(1)
except TypeError as e:
    print('TypeError', e)
try:
    set([1], [2])
except TypeError as e:
    print('TypeError', e)
s.__init__([7])
print(sorted(s))
