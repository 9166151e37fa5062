# any() and all() over an exact generator take the items whose truth needs
# no Python code in the generator's own loop; the item that decides the
# answer, and anything with its own __bool__ or __len__, come back to the
# builtin.  The generator must be left exactly where CPython leaves it.
import sys


def gen(items):
    for x in items:
        yield x


class B:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        log.append(("bool", self.v, g_box[0].gi_running if g_box else None))
        return self.v


class L(list):
    def __len__(self):
        log.append(("len", list.__len__(self)))
        return list.__len__(self)


class BadBool:
    def __bool__(self):
        raise ValueError("no truth")


log = []
g_box = []
cases = [
    [],
    [0, 0.0, "", (), [], {}, None, False],
    [0, 1, 2],
    [1, 2.5, "x", (1,), [1], {1: 2}, True],
    [1, 0, 1],
    [2 ** 100, -0.0, float("nan")],
    [0, B(False), B(True), 0],
    [1, B(True), B(False), 1],
    [L(), L([1])],
    [MyBool := True, 0],
]
for c in cases:
    for fn in (any, all):
        g = gen(c)
        g_box[:] = [g]
        r = fn(g)
        rest = list(g)
        print(fn.__name__, r, len(rest), log)
        log.clear()
g_box.clear()

for fn in (any, all):
    try:
        fn(gen([1, 1, BadBool()]) if fn is all else gen([0, BadBool()]))
    except ValueError as e:
        print(fn.__name__, "ValueError", e)


def with_lines():
    yield 0
    yield 0
    yield 5
    yield 0


g = with_lines()
print(any(g), g.gi_frame.f_lineno - with_lines.__code__.co_firstlineno, next(g))
g = with_lines()
print(all(g), g.gi_frame.f_lineno - with_lines.__code__.co_firstlineno, next(g))


def raising():
    yield 0
    raise KeyError("k")


try:
    any(raising())
except KeyError as e:
    print("KeyError", e)


def stop():
    yield 1
    raise StopIteration


try:
    all(stop())
except RuntimeError as e:
    print("RuntimeError", e)

print(any(x > 99998 for x in range(10 ** 5)), all(x < 10 ** 5 for x in range(10 ** 5)))

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced":
        events.append(event)
    return tracer


def traced():
    yield 0
    yield 0
    yield 1


tg = traced()
sys.settrace(tracer)
print(any(tg))
sys.settrace(None)
print(events)
