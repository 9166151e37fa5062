# isinstance(x, (A, B, ...)) at a warm call site (CALL_ISINSTANCE with an
# exact tuple): order of checks, hooks, exact matches, nesting, errors.
import collections.abc
import sys

log = []


class Meta(type):
    def __instancecheck__(cls, obj):
        log.append(cls.__name__)
        return cls.__name__ == "Yes"


class Yes(metaclass=Meta):
    pass


class No(metaclass=Meta):
    pass


class Proxy:
    @property
    def __class__(self):
        log.append("__class__")
        return int


class TupSub(tuple):
    pass


def run(obj, classes, n=120):
    r = None
    for i in range(n):
        try:
            r = isinstance(obj, classes)
        except TypeError as e:
            r = "TypeError: %s" % e
        except RecursionError as e:
            r = "RecursionError: %s" % e
    return r


cases = [
    (1, (int, float)), (1.5, (int, float)), ("s", (bytes, bytearray)), (b"s", (bytes, bytearray)),
    (True, (str, int)), ([], ()), (1, ((str, (bytes, int)), float)), (1, TupSub((str, int))),
    (1, int | str), ("x", (int | bytes, str)), (No(), (No,)), (No(), (Yes,)), (1, (No, Yes)),
    (1, (Yes, No)), (Proxy(), (str, int)), (Proxy(), (Proxy,)), ({}, (collections.abc.Mapping,)),
    ([], (collections.abc.Mapping, collections.abc.Sequence)), (1, (str, 5)), (1, (int, 5)),
    (1, ("a",)), (1, [int]),
]
for obj, classes in cases:
    log.clear()
    r = run(obj, classes)
    print(type(obj).__name__, r, log[:3], len(log))

deep = int
for i in range(sys.getrecursionlimit() + 50):
    deep = (deep,)
print(run(1, deep, 3))
print(run(1, (deep, int), 3))
