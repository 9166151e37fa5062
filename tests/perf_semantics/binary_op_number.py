# Sites of + - * / that meet ints and floats in turn (BINARY_OP_NUMBER),
# with the operands those forms must leave to the generic path: big ints,
# ints beyond 2**53 against floats, bools, int/float subclasses, division
# by zero, signed zeros, NaN and infinities, in-place operators.

def ops(a, b):
    r = [a + b, a - b, a * b]
    try:
        r.append(a / b)
    except ZeroDivisionError as e:
        r.append('ZeroDivisionError: %s' % e)
    c = a
    c += b
    d = a
    d *= b
    r.append(c)
    r.append(d)
    return r


def show(x):
    if isinstance(x, float):
        return '%s:%r' % (type(x).__name__, x)
    return '%s:%r' % (type(x).__name__, x)


class MyInt(int):
    def __add__(self, o):
        return 'MyInt.__add__'


class MyFloat(float):
    def __mul__(self, o):
        return 'MyFloat.__mul__'


big = 2 ** 53
values = [0, 1, -1, 7, 3, 2 ** 30, 2 ** 31 - 1, 2 ** 62, 2 ** 63, -(2 ** 63), big - 1, big, big + 1,
          -big, 10 ** 30, 0.0, -0.0, 0.5, -2.5, 1e308, float('inf'), float('-inf'), float('nan'),
          True, False, MyInt(5), MyFloat(1.5)]

for rnd in range(3):
    # alternate int and float operands at the same sites
    for i in range(200):
        ops(i, 2) if i % 2 else ops(i * 0.5, 3)
        ops(2, i * 0.25) if i % 3 else ops(7, i + 1)
    for a in values:
        for b in values:
            try:
                print(show(a), show(b), [show(x) for x in ops(a, b)])
            except TypeError as e:
                print(show(a), show(b), 'TypeError', e)
    try:
        ops('a', 1)
    except TypeError as e:
        print('TypeError', e)
    try:
        ops(1.5, 'a')
    except TypeError as e:
        print('TypeError', e)
    try:
        ops(10 ** 400, 1.5)
    except OverflowError as e:
        print('OverflowError', e)
