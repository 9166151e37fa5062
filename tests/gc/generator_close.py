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


def collect():
    # Conservative stack scanning: a dead C frame's stale slot may keep the
    # newest garbage for one collection; unrelated calls in between
    # overwrite such slots (Kiln's collector, DESIGN §4).
    for _ in range(3):
        sorted(range(20), key=lambda x: -x)
        "%s" % ([str(i) for i in range(10)],)
        gc.collect()


start("g1")
collect()
print(events)
g = gen("g2")
print(next(g), events)
