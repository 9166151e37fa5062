# sum() over an exact generator takes the numbers it can add unboxed
# without suspending the generator per item; anything else is given back
# and added as before.  The totals, the types, the errors and what the
# generator observes must be CPython's.
import math
import sys


def gen(items):
    for x in items:
        yield x


class MyInt(int):
    def __add__(self, other):
        return "MyInt.__add__"

    __radd__ = __add__


class Probe:
    def __init__(self, g):
        self.g = g

    def __radd__(self, other):
        seen.append(("radd", other, self.g[0].gi_running,
                     self.g[0].gi_frame.f_lineno - with_probe.__code__.co_firstlineno))
        return other + 100


cases = [
    [1, 2, 3],
    [True, False, True, 5],
    [2 ** 62, 2 ** 62, 2 ** 62, -5],
    [1, 2.5, 3, 2 ** 80, 0.5],
    [0.1] * 10,
    [-0.0, -0.0],
    [1e308, 1e308, -1e308],
    [float("nan"), 1],
    [float("inf"), float("-inf")],
    [1, MyInt(5), 2],
    [1.5, MyInt(5), 2],
    [3, 2 ** 64, 1.0],
    [],
    [(1 << 63) - 1, 1],
    [-(1 << 63), -1],
]
for c in cases:
    for start in (0, 0.0, -0.0, 10, 2 ** 70):
        try:
            r = sum(gen(c), start)
            r2 = sum(list(c), start)
            print(repr(r), type(r).__name__, repr(r) == repr(r2) or (r != r and r2 != r2))
        except TypeError as e:
            print("TypeError", e)

print(sum(gen([[1], [2]]), []))
print(sum((x * 0.5 for x in range(1000)), 0.25))
print(sum(x for x in range(10 ** 5)))


def with_probe():
    yield 1
    yield 2.5
    yield box[0]
    yield 4


box = []
g = [None]
box.append(Probe(g))
g[0] = with_probe()
seen = []
print(sum(g[0]), seen)


def raiser():
    yield 1
    yield 2
    raise KeyError("inside")


try:
    sum(raiser())
except KeyError as e:
    print("KeyError", e)


def stopper():
    yield 1.0
    raise StopIteration


try:
    sum(stopper())
except RuntimeError as e:
    print("RuntimeError", e)


def returns():
    yield 1
    return "value"


print(sum(returns()))


def outer_gen():
    yield from gen([1, 2])
    yield sum(gen([10, 20]))
    yield from (x for x in [0.5, 0.25])


print(sum(outer_gen()))


def self_running():
    yield 1
    yield int(me.gi_running)
    try:
        sum(me)
    except ValueError as e:
        print("inner:", e)
    yield 5


me = self_running()
print(sum(me), sum(me), me.gi_frame)

ex = gen([1, 2])
print(sum(ex), sum(ex))

calls = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced_late":
        calls.append(event)
    return tracer


def traced_late():
    yield 1
    yield 2
    sys.settrace(tracer)
    yield 3
    yield 4.5
    yield 5


print(sum(traced_late()))
sys.settrace(None)
print(calls)

r = sum(gen(range(3)), 1 << 100)
print(r)
print(math.isnan(sum(gen([float("nan")]), 0.0)))

# A signal handler still runs inside a driven generator that never
# suspends: an endless sum() is interrupted.
import itertools
import signal


class Alarm(Exception):
    pass


def on_alarm(signum, frame):
    raise Alarm("alarm")


def forever():
    while True:
        yield 1


old = signal.signal(signal.SIGALRM, on_alarm)
for make in (lambda: (1 for _ in itertools.count()), forever):
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    try:
        sum(make())
    except Alarm as e:
        print("interrupted:", e)
    signal.setitimer(signal.ITIMER_REAL, 0)
signal.signal(signal.SIGALRM, old)

# Profiling sees every suspension and resumption of a summed generator.
prof = []


def profiler(frame, event, arg):
    if frame.f_code.co_name in ("profiled", "sum"):
        prof.append((event, frame.f_code.co_name if event != "c_call" else arg.__name__))


def profiled():
    yield 1
    yield 2.5
    yield 3


sys.setprofile(profiler)
total = sum(profiled())
sys.setprofile(None)
print(total, prof)
