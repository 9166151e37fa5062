"""Unpacking: tuple/list unpacking, starred targets, swaps, zip/enumerate
loops, argument unpacking."""


def pairs(n):
    return [(i, -i) for i in range(n)]


def f(a, b, c, d):
    return a - b + c - d


def bench():
    data = pairs(2000)
    total = 0
    for _ in range(600):
        for a, b in data:
            a, b = b, a
            total += a - b
        for i, (a, b) in enumerate(data):
            first, *rest = (a, b, i)
            total += first + len(rest)
        for x, y in zip(data, reversed(data)):
            (p, q), (r, s) = x, y
            total += f(p, q, r, s) + f(*x, *y)
        args = {"a": 1, "b": 2, "c": 3, "d": 4}
        for _ in range(2000):
            total += f(**args)
    return total


def check(result):
    return result == EXPECTED


EXPECTED = 8395800000
