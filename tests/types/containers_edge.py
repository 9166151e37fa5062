"""container edge cases: mutation during iteration/sort, recursive reprs, comparisons that raise, hash/eq protocol calls."""
from _typetest import OBJ_SKIP, fmt, res, run_table, scrub, short, show  # noqa: F401

class Loud:
    def __init__(self, v, log):
        self.v, self.log = v, log
    def __eq__(self, o):
        self.log.append("eq %r %r" % (self.v, getattr(o, "v", o)))
        return isinstance(o, Loud) and self.v == o.v
    def __hash__(self):
        self.log.append("hash %r" % self.v)
        return hash(self.v) & 3
    def __lt__(self, o):
        self.log.append("lt %r %r" % (self.v, o.v))
        return self.v < o.v
    def __repr__(self):
        return "L%r" % self.v
log = []
xs = [Loud(i, log) for i in [3, 1, 2, 1]]
print(sorted(xs), log[:12]); log.clear()
s = set(xs); print(len(s), log[:12]); log.clear()
d = {x: 1 for x in xs}; print(len(d), log[:12]); log.clear()
print(xs.index(Loud(2, log)), xs.count(Loud(1, log)), Loud(1, log) in xs, log[:12]); log.clear()
print([Loud(1, log)] == [Loud(1, log)], (Loud(1, log),) < (Loud(2, log),), log); log.clear()
class Bad:
    def __eq__(self, o):
        raise ValueError("eq boom")
    __hash__ = object.__hash__
    def __lt__(self, o):
        raise ValueError("lt boom")
b = Bad()
show("list index bad", lambda: [1, b].index(2))
show("in list bad", lambda: 2 in [b])
show("identity shortcut", lambda: b in [b])
show("list eq bad", lambda: [b] == [Bad()])
show("sort bad", lambda: sorted([Bad(), Bad()]))
show("dict lookup bad", lambda: {b: 1}[Bad()])
show("sort key raises", lambda: sorted([1, 2], key=lambda x: 1 // (x - 1)))
L = [3, 1, 2]
def key(x):
    L.append(x)
    return x
show("list modified during sort", lambda: L.sort(key=key))
print(L)
d = {1: 1, 2: 2}
def mut():
    for k in d:
        d[k + 10] = 0
show("dict changed size", mut)
d = {1: 1}
def mut2():
    for k in d:
        del d[k]
        d[k] = 2
show("dict keys changed", mut2)
s = {1, 2}
def mut3():
    for k in s:
        s.add(k + 10)
show("set changed size", mut3)
l = [1, 2, 3]
for x in l:
    if x == 1:
        l.remove(x)
print(l)
a = [1]; a.append(a); b = {"k": None}; b["k"] = b
c = {1: [a, b]}
print(a, b, c, repr([[a]]))
class R:
    def __repr__(self):
        return "R(%r)" % self.items
r = R(); r.items = [r]
show("user recursive repr", lambda: repr(r)[:60])
show("unhashable in set", lambda: {[1]})
show("unhashable dict key", lambda: {{}: 1})
show("unhashable in frozenset check", lambda: [1] in frozenset())
show("set in set lookup", lambda: {1} in {frozenset({1})})
show("dict in dict lookup", lambda: {} in {1: 2})
show("tuple hash unhashable", lambda: hash((1, {})))
show("list * huge", lambda: [1] * (2**62))
show("str * huge", lambda: "ab" * (2**62))
show("range huge len", lambda: len(range(2**100)))
show("list slice assign self", lambda: (lambda l: (l.__setitem__(slice(1, 2), l), l))([1, 2, 3]))
show("list extend self", lambda: (lambda l: (l.extend(l), l))([1, 2]))
show("dict update self", lambda: (lambda d: (d.update(d), d))({1: 2}))
show("set ior self", lambda: (lambda s: (s.__ior__(s), s))({1, 2}))
show("list compare recursion", lambda: a == a)
show("list insert many", lambda: (lambda l: ([l.insert(0, i) for i in range(5)], l)[1])([]))
show("list del slice neg step", lambda: (lambda l: (l.__delitem__(slice(None, None, -2)), l)[1])(list(range(7))))
show("tuple index range", lambda: (1, 2, 3, 2).index(2, 2))
show("dict popitem empty", lambda: {}.popitem())
show("set pop empty", lambda: set().pop())
show("list pop empty", lambda: [].pop())
show("min key error", lambda: min([1, 2], key=lambda x: 1 // 0))
show("dict from bad seq", lambda: dict([(1, 2), (3,)]))
show("dict from str pairs", lambda: dict(["ab", "cd"]))
show("dict fromkeys set order", lambda: list(dict.fromkeys("hello")))
show("dict equality order", lambda: ({1: 1, 2: 2} == {2: 2, 1: 1}, list({1: 1, 2: 2}.items()) == list({2: 2, 1: 1}.items())))
show("dict or types", lambda: type(type("D", (dict,), {})() | {}).__name__)
show("view set ops types", lambda: (type({1: 1}.keys() & {1}).__name__, type({1: 1}.items() | set()).__name__))

# deletion never hands an entry position back (except popitem): iterators see re-insertions
d = {1: 1}
try:
    for k in d:
        del d[k]
        d[k] = 2
except RuntimeError as e:
    print(e)
d = {1: 1, 2: 2}
try:
    for k in d:
        del d[k]
        d[k + 10] = 2
except RuntimeError as e:
    print(e)
print(d)
d = {1: 1, 2: 2}
it = iter(d); print(next(it), next(it))
del d[2]; d[3] = 3
try: print(next(it))
except Exception as e: print(type(e).__name__, e)
d = dict.fromkeys(range(10))
for i in range(100):
    del d[i]; d[i + 10] = i
print(list(d)[:5], len(d), d.popitem(), d.popitem())
d[-1] = 0; print(list(d)[-3:])
d = {}
for i in range(1000):
    d[i] = i
    del d[i]
print(d, len(d))
