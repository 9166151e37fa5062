"""A suspended generator that becomes garbage is closed by the collector:
its finally block runs (tp_finalize)."""
import gc

events = []


def gen(name):
    try:
        yield 1
        yield 2
    finally:
        events.append("finally " + name)


def start(name):
    g = gen(name)
    next(g)


def churn():
    # Conservative stack scanning: dead C frames of the calls that made the
    # garbage can leave stale pointers in slots that the collection's own
    # frames do not overwrite; unrelated deeper calls do.  gc.collect() is
    # called from module level, below which libgc wipes the dead stack.
    sorted(range(20), key=lambda x: -x)
    "%s" % ([str(i) for i in range(10)],)


start("g1")
churn(); gc.collect(); churn(); gc.collect(); churn(); gc.collect()
print(events)
g = gen("g2")
print(next(g), events)
