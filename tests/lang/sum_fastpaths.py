# sum(): the int and float accumulators must give exactly what repeated +
# gives, and hand over to + for everything else.
import math


class RAdd(int):
    def __radd__(self, o):
        return 'RAdd.__radd__'

    def __add__(self, o):
        return 'RAdd.__add__'


class FSub(float):
    def __radd__(self, o):
        return 'FSub.__radd__'


big = 2**63
cases = [
    [],
    [1, 2, 3],
    range(10**5),
    [True, True, False, 5],
    [big - 1, 1],
    [-big, -1],
    [big, big],
    [2**62, 2**62, 2**62, -2**62],
    [1, 2.5, 3],
    [0.1] * 10,
    [1e308, 1e308, -1e308],
    [1.0, 2**60 + 1, 2**53 + 1],
    [1.0, 10**30],
    [float('nan'), 1.0],
    [float('inf'), -float('inf')],
    [-0.0],
    [-0.0, -0.0],
    [1, RAdd(5)],
    [RAdd(5)],
    [1.5, RAdd(5)],
    [1.5, FSub(2.0)],
    [1, FSub(2.0)],
    [1j, 2, 3.5],
    [1, 2, 1j],
    [True, 2.5],
]
for c in cases:
    r = sum(c)
    print(type(r).__name__, r if not (isinstance(r, float) and r == 0) else math.copysign(1, r))
for c, start in [([-0.0], -0.0), ([1, 2], 0.5), ([1.5], 2**70), ([1, 2], 2**70),
                 ([[1], [2]], []), ([(1,), (2,)], ()), ([2**64, -2**64, 1], 0),
                 ([1.0, 2.0], True)]:
    r = sum(c, start)
    print(type(r).__name__, r if not (isinstance(r, float) and r == 0) else math.copysign(1, r))
print(sum(x * 0.5 for x in range(1000)), sum(x for x in range(1000)), sum([1], start=5))
for bad in [lambda: sum([1.0, 10**400]), lambda: sum([1, 'a']), lambda: sum(['a'], 'b'),
            lambda: sum([b'a'], b''), lambda: sum(5), lambda: sum([1.5, None])]:
    try:
        print(bad())
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)


def gen():
    yield 1
    yield 2.5
    raise ValueError('from the iterator')


try:
    sum(gen())
except ValueError as e:
    print('ValueError', e)
