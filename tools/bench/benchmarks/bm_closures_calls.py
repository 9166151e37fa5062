"""Closures and method calls: counters made of closures, bound-method calls,
keyword arguments, default arguments, *args/**kwargs forwarding, properties."""


def make_counter(step):
    count = 0

    def inc(times=1):
        nonlocal count
        count += step * times
        return count
    return inc


class Point:
    def __init__(self, x, y):
        self._x = x
        self._y = y

    @property
    def x(self):
        return self._x

    def moved(self, dx=0, dy=0):
        return Point(self._x + dx, self._y + dy)

    def dist2(self, other):
        return (self._x - other._x) ** 2 + (self._y - other._y) ** 2

    @classmethod
    def origin(cls):
        return cls(0, 0)

    @staticmethod
    def add(a, b):
        return a + b


def forward(f, *args, **kwargs):
    return f(*args, **kwargs)


def bench():
    counters = [make_counter(s) for s in range(1, 6)]
    total = 0
    for i in range(120000):
        for c in counters:
            total += c() if i % 2 else c(times=2)
    p = Point.origin()
    acc = 0
    for i in range(150000):
        q = p.moved(dy=1, dx=i % 7)
        acc += q.dist2(p) + q.x + Point.add(i, 1)
        acc += forward(Point.add, 1, b=2)
    return total, acc


def check(result):
    return result == EXPECTED


EXPECTED = (162001800000, 11253074956)
