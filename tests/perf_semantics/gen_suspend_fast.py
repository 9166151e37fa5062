# YIELD_VALUE marks a generator suspended without a call when the code has
# no exception table and yields plainly or delegates to a generator; other
# suspensions still get the close() finalizer.  These cases move between
# the two within one generator.
import gc
import sys

log = []


class Closable:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration("closable done")
        self.n -= 1
        return "c%d" % self.n

    def close(self):
        log.append("Closable.close")


def inner(k):
    for i in range(k):
        yield i
    return "inner-ret-%d" % k


def mixed():
    r = yield from inner(2)
    yield r
    r = yield from Closable(2)
    yield r
    r = yield from Closable(5)


g = mixed()
print([next(g) for _ in range(7)])
print(type(g.gi_yieldfrom).__name__)
del g
for _ in range(3):
    gc.collect()
print(sorted(log))


def chain(depth):
    if depth == 0:
        yield "leaf"
        return "ret0"
    r = yield from chain(depth - 1)
    yield "%d:%s" % (depth, r)
    return "ret%d" % depth


print(list(chain(4)))
g = chain(3)
print(next(g), g.gi_yieldfrom.__name__, g.gi_running, g.gi_frame.f_lineno)
print(g.throw(KeyError("k")) if False else next(g))
try:
    g.throw(ValueError("boom"))
except ValueError as e:
    print("propagated", e)
print(g.gi_frame, list(g))


def genexpr_sum():
    v = [1.5, 2, True, 2 ** 70, -0.0]
    return sum(x for x in v), sum(x * 1.0 for x in v[:2])


print(genexpr_sum())


def stop_inside():
    yield 1
    raise StopIteration("bad")


try:
    sum(stop_inside())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)


def running():
    yield g2.gi_running
    try:
        next(g2)
    except ValueError as e:
        yield str(e)


g2 = running()
print(list(g2))


def tb_gen():
    yield 1
    1 / 0


def tb_outer():
    yield from tb_gen()


try:
    for _ in tb_outer():
        pass
except ZeroDivisionError:
    tb = sys.exc_info()[2]
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced":
        events.append((event, frame.f_lineno - traced.__code__.co_firstlineno))
    return tracer


def traced():
    yield 1
    yield 2


sys.settrace(tracer)
print(sum(traced()), list(traced()))
sys.settrace(None)
print(events)
