"""_weakref.ref and proxy: callbacks after the referent's destruction,
dead references, hash and equality rules, ReferenceError of a dead proxy."""
import gc
import _weakref

events = []


class C:
    pass


class Sub(_weakref.ref):
    pass


def cb(w):
    events.append(("callback", w() is None))


def churn():
    # Conservative stack scanning: dead C frames of the calls that made the
    # garbage can leave stale pointers in slots that the collection's own
    # frames do not overwrite; unrelated deeper calls do.  gc.collect() is
    # called from module level, below which libgc wipes the dead stack.
    sorted(range(20), key=lambda x: -x)
    "%s" % ([str(i) for i in range(10)],)


keep = C()
r = _weakref.ref(keep)
rc = _weakref.ref(keep, cb)
print(r() is keep, _weakref.ref(keep) is r, r == rc, rc.__callback__ is cb)
print(hash(r) == hash(keep), _weakref.getweakrefcount(keep),
      _weakref.getweakrefs(keep) == [r, rc])
s = Sub(keep)
print(type(s).__name__, s is r, s == r, isinstance(s, _weakref.ref))
print(r.__callback__, repr(r).startswith("<weakref at 0x"), "; to 'C' at 0x" in repr(r))
try:
    r(1)
except TypeError as e:
    print("TypeError:", e)
try:
    _weakref.ref(1)
except TypeError as e:
    print("TypeError:", e)


holder = []
kept = []          # a weak reference created before the one with cb


def make():
    o = C()
    o.x = 5
    holder.append(o)
    hashed = _weakref.ref(o)
    kept.append(_weakref.ref(o, lambda w: events.append("first")))
    return _weakref.ref(o, cb), _weakref.proxy(o), hashed, hash(hashed)


def check_alive():
    print(p.x, w() is holder[0], type(p).__name__)


w, p, hashed, h = make()
check_alive()
holder.clear()
churn(); gc.collect(); churn(); gc.collect(); churn(); gc.collect()
print(events, w(), hashed() is None, hash(hashed) == h)
print(repr(w).endswith("; dead>"), w == w, w == hashed)
try:
    p.x
except ReferenceError as e:
    print("ReferenceError:", e)
try:
    hash(w)
except TypeError as e:
    print("TypeError:", e)
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
