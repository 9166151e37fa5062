"""Generators and coroutines: pipelines of generators, send() round trips."""


def numbers(n):
    for i in range(n):
        yield i


def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x


def squares(src):
    for x in src:
        yield x * x


def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            return total
        total += value


def tree(depth):
    if depth == 0:
        yield depth
        return
    yield from tree(depth - 1)
    yield depth
    yield from tree(depth - 1)


def bench():
    results = [one_round() for _ in range(8)]
    assert all(r == results[0] for r in results)
    return results[0]


def one_round():
    a = sum(squares(evens(numbers(200000))))
    acc = accumulator()
    next(acc)
    for i in range(100000):
        acc.send(i)
    b = acc.send(0)
    c = sum(tree(14))
    return a, b, c


def check(result):
    return result == (1333313333400000, 4999950000, 32752)
