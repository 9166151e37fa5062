# FOR_ITER_ENUMERATE / FOR_ITER_ZIP2 (libjit eval_spec_iter.inc): the pair
# is unpacked without a tuple; endings, errors and counts must match.


class Boom(Exception):
    pass


class Counted:
    def __init__(self, n, fail_at=None, stop_manually=False):
        self.i = 0
        self.n = n
        self.fail_at = fail_at
        self.stop_manually = stop_manually

    def __iter__(self):
        return self

    def __next__(self):
        if self.i == self.fail_at:
            raise Boom(self.i)
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i


class MyEnum(enumerate):
    pass


def enum_cases():
    out = []
    for _ in range(12):
        s = []
        for i, x in enumerate('abc'):
            s.append((i, x))
        for i, (a, b) in enumerate([(1, 2), (3, 4)], 10):
            s.append(i + a + b)
        for i, x in enumerate(Counted(3)):
            s.append(i * x)
        for i, x in MyEnum([7]):
            s.append((i, x))
        for t in enumerate([5]):
            s.append(t)
        for i, x in enumerate([]):
            s.append('never')
        try:
            for i, x in enumerate(Counted(5, fail_at=2)):
                s.append(x)
        except Boom as e:
            s.append(('boom', e.args, i))
        big = []
        for i, x in enumerate('wxyz', 2 ** 63 - 2):
            big.append(i)
        s.append(big)
        e = enumerate('pq')
        for i, x in e:
            pass
        s.append((i, x, list(e)))
        e = enumerate(range(5))
        for i, x in e:
            if i == 1:
                break
        s.append(list(e))
        out.append(s)
    print(out[-1])


def zip_cases():
    out = []
    for _ in range(12):
        s = []
        for a, b in zip([1, 2, 3], 'ab'):
            s.append((a, b))
        a_it = iter([1, 2, 3])
        for a, b in zip(a_it, [9]):
            s.append((a, b))
        s.append(list(a_it))     # zip consumed 2 of a_it's items
        for a, b in zip('xy', range(10)):
            s.append(a * b)
        for a, b in zip((1, 2), (3, 4), strict=True):
            s.append(a + b)
        try:
            for a, b in zip((1, 2), (3,), strict=True):
                s.append(a)
        except ValueError as e:
            s.append(str(e))
        for t in zip([1], [2]):
            s.append(t)
        for a, b, c in zip([1], [2], [3]):
            s.append(a + b + c)
        for (a, b), c in zip([(1, 2)], [3]):
            s.append(a * b * c)
        try:
            for a, b in zip(Counted(5), Counted(5, fail_at=1)):
                s.append(a)
        except Boom as e:
            s.append(('boom', e.args, a, b))
        try:
            for a, b in zip([1], 5):
                pass
        except TypeError as e:
            s.append(str(e))
        c1 = Counted(2)
        for a, b in zip(c1, Counted(10)):
            pass
        s.append((a, b, c1.i))
        out.append(s)
    print(out[-1])


def polymorphic_site():
    def loop(it):
        r = []
        for a, b in it:
            r.append((a, b))
        return r
    out = []
    for k in range(12):
        out.append((loop(enumerate('ab')), loop(zip('cd', 'ef')), loop([(1, 2)]),
                    loop(zip('a', 'b', strict=True)), loop(zip(*['ab', 'cd'])),
                    loop(enumerate('x', 2 ** 63 - 1))))
    print(out[-1])


enum_cases()
zip_cases()
polymorphic_site()
