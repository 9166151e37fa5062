"""Exceptions: raise/catch across frames, try/finally, custom exception
classes with attributes, exception chaining, context managers."""


class AppError(Exception):
    def __init__(self, code, detail):
        super().__init__(code, detail)
        self.code = code


class Guard:
    entered = 0

    def __enter__(self):
        Guard.entered += 1
        return self

    def __exit__(self, kind, value, tb):
        return kind is KeyError


def deep(n):
    if n == 0:
        raise AppError(n, "bottom")
    try:
        return deep(n - 1)
    finally:
        pass


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        return -1


def bench():
    Guard.entered = 0
    caught = 0
    for i in range(60000):
        try:
            deep(i % 10)
        except AppError as e:
            caught += e.code + 1
    d = {i: i for i in range(100)}
    total = sum(lookup(d, i) for i in range(0, 200000, 2))
    chained = 0
    for i in range(60000):
        try:
            try:
                1 / (i - i)
            except ZeroDivisionError as e:
                raise ValueError("wrapped") from e
        except ValueError as e:
            chained += e.__cause__ is not None
    for i in range(60000):
        with Guard():
            if i % 2:
                raise KeyError(i)
    return caught, total, chained, Guard.entered


def check(result):
    # 100000 lookups: the 50 even keys below 100 sum to 2450, the rest miss (-1)
    return result == (60000, 2450 - 99950, 60000, 60000)
