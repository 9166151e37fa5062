# set, frozenset and bytearray subclasses pickle and copy their __slots__
# and __dict__ (state from __getstate__, as CPython 3.11).
import copy, pickle

for base in (set, frozenset, bytearray):
    class S(base):
        __slots__ = ('x', 'y', '__dict__')
    S.__qualname__ = S.__name__ = base.__name__.capitalize() + 'WithSlots'
    globals()[S.__name__] = S
    s = S(b'ab' if base is bytearray else [1, 2])
    s.x = 10
    s.z = 'dict'
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        t = pickle.loads(pickle.dumps(s, proto))
        print(base.__name__, proto, type(t).__name__, sorted(t) if base is not bytearray else t,
              t.x, hasattr(t, 'y'), t.z)
    c = copy.copy(s)
    print('copy', c.x, c.z, type(c).__name__)
s = {1}
try:
    s.remove((1,))
except KeyError as e:
    print('KeyError', e.args)
