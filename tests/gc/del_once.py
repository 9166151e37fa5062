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


def churn():
    # Conservative stack scanning: dead C frames of the calls that made the
    # garbage can leave stale pointers in slots that the collection's own
    # frames do not overwrite; unrelated deeper calls do.  gc.collect() is
    # called from module level, below which libgc wipes the dead stack.
    sorted(range(20), key=lambda x: -x)
    "%s" % ([str(i) for i in range(10)],)


plain()
churn(); gc.collect(); churn(); gc.collect(); churn(); gc.collect()
print(events)
events.clear()

cycle()
churn(); gc.collect(); churn(); gc.collect(); churn(); gc.collect()
print(sorted(events))
events.clear()

phoenix()
churn(); gc.collect(); churn(); gc.collect(); churn(); gc.collect()
print(events, [p.name for p in saved])
events.clear()
saved.clear()
churn(); gc.collect(); churn(); gc.collect(); churn(); gc.collect()
print(events, saved)        # not finalized twice
