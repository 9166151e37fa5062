"""__del__ runs once per object (PEP 442), also after resurrection; cycles
of objects with __del__ are finalized.  Kiln destroys objects at the next
collection (DESIGN §4), so events are printed after gc.collect()."""
import gc

events = []
saved = []


class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        events.append("del " + self.name)


class Phoenix:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        events.append("del " + self.name)
        saved.append(self)          # resurrected


def plain():
    C("plain")


def cycle():
    a = C("a")
    b = C("b")
    a.other = b
    b.other = a


def phoenix():
    Phoenix("phoenix")


def collect():
    # Conservative stack scanning: a dead C frame's stale slot may keep the
    # newest garbage for one collection; unrelated calls in between
    # overwrite such slots (Kiln's collector, DESIGN §4).
    for _ in range(3):
        sorted(range(20), key=lambda x: -x)
        "%s" % ([str(i) for i in range(10)],)
        gc.collect()


plain()
collect()
print(events)
events.clear()

cycle()
collect()
print(sorted(events))
events.clear()

phoenix()
collect()
print(events, [p.name for p in saved])
events.clear()
saved.clear()
collect()
print(events, saved)        # not finalized twice
