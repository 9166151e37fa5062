# Truth tests of exact builtins done inline by the loop (if / while / not /
# and / or), against subclasses that override __bool__ / __len__ and
# containers emptied in place.

class L(list):
    def __len__(self):
        return 0


class S(str):
    def __bool__(self):
        return False


class D(dict):
    def __len__(self):
        return 7


class T(tuple):
    pass


class BadLen:
    def __len__(self):
        return -1


def tests(x):
    r = []
    if x:
        r.append('if')
    if not x:
        r.append('not')
    r.append(bool(x and 'and'))
    r.append(x or 'or')
    n = 0
    while x and n < 1:
        n += 1
    r.append(n)
    return r


for _ in range(30):
    tests([1])
    tests('')

d = {1: 2, 3: 4}
del d[1]
del d[3]
grown = []
grown.append(1)
grown.pop()
values = [[], [0], (), (0,), '', 'a', '\u00e9', {}, {0: 0}, d, grown, 0, 1, -1, 2 ** 80, None, True,
          False, 0.0, L([1]), S('x'), D(), T(), T((1,)), set(), {0}, b'', b'0', range(0)]
for v in values:
    print(repr(v), tests(v))
try:
    tests(BadLen())
except ValueError as e:
    print('ValueError', e)
