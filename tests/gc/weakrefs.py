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


def collect():
    # Conservative stack scanning: a dead C frame's stale slot may keep the
    # newest garbage for one collection; unrelated calls in between
    # overwrite such slots (Kiln's collector, DESIGN §4).
    for _ in range(3):
        sorted(range(20), key=lambda x: -x)
        "%s" % ([str(i) for i in range(10)],)
        gc.collect()


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


def make():
    o = C()
    o.x = 5
    p = _weakref.proxy(o)
    return o, _weakref.ref(o, cb), p


o, w, p = make()
hashed = _weakref.ref(o)
h = hash(hashed)
print(p.x, w() is o, type(p).__name__)
del o
collect()
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
