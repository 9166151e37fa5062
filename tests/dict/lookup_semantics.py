# dict / set lookups where the fast paths (cached str hash, one-digit int
# hash, reuse of the probe's empty slot on insert, set() without an args
# tuple) must keep CPython's semantics: Python-level __eq__/__hash__,
# mutation during comparison, equal keys of different types, growth.
import sys

# ints around the one-digit boundary and -1 (whose hash is -2)
keys = [0, 1, -1, -2, 2 ** 30 - 1, 2 ** 30, 2 ** 60 - 1, -(2 ** 60) + 1, 2 ** 31 + 5, -(2 ** 30) + 1, -(2 ** 30), 2 ** 61 - 1, 2 ** 61,
        -(2 ** 61), 2 ** 64, True, False, 1.0, -1.0, 0.5, "a", "", (1, 2)]
print([hash(k) for k in keys if not isinstance(k, str)])
d = {}
for i, k in enumerate(keys):
    d[k] = i
print(d)
print([d.get(k) for k in keys], [k in d for k in (1, 1.0, True, -2, -2.0, 2 ** 30 + 0.0)])
s = set(keys)
print(sorted(map(repr, s)), len(s), -1 in s, -2 in s, 2.0 ** 61 in s)

class Key:
    def __init__(self, v, h=None):
        self.v = v
        self.h = hash(v) if h is None else h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        return isinstance(other, Key) and self.v == other.v
    def __repr__(self):
        return "Key(%r)" % (self.v,)

# many keys with one hash: every lookup compares through __eq__
d = {Key(i, 7): i for i in range(40)}
print([d[Key(i, 7)] for i in range(0, 40, 7)], Key(99, 7) in d, len(d))
s = {Key(i, 7) for i in range(40)}
print(Key(5, 7) in s, Key(50, 7) in s, len(s))

# __eq__ that mutates the dict being searched
class Evil:
    def __init__(self, target):
        self.target = target
    def __hash__(self):
        return 1
    def __eq__(self, other):
        self.target.clear()
        return False

d = {}
d[Evil(d)] = 1
try:
    r = d.get(Evil(d))
    print("get ->", r, len(d))
except RuntimeError as e:
    print("RuntimeError", e)
d = {}
d[Evil(d)] = 1
d[Evil(d)] = 2          # the compare empties the dict, then the insert lands
print(len(d), list(d.values()))

class Grow:
    def __init__(self, target):
        self.target = target
    def __hash__(self):
        return 3
    def __eq__(self, other):
        for i in range(100):
            self.target[i + 1000] = i
        return False

d = {}
d[Grow(d)] = "a"
d[Grow(d)] = "b"
print(len(d), sorted(v for v in d.values() if isinstance(v, str)))

s = set()
class SetEvil:
    def __hash__(self):
        return 5
    def __eq__(self, other):
        s.clear()
        return False
s.add(SetEvil())
s.add(SetEvil())
print(len(s))

# changing size during iteration
d = {i: i for i in range(10)}
try:
    for k in d:
        d[k + 100] = 0
except RuntimeError as e:
    print("RuntimeError", e)
s = set(range(10))
try:
    for k in s:
        s.add(k + 100)
except RuntimeError as e:
    print("RuntimeError", e)
d = {i: i for i in range(10)}
try:
    for k in d:
        del d[k]
        d[k + 100] = 1
except RuntimeError as e:
    print("RuntimeError", e)

# hash errors and unhashable keys
try:
    {}[[1]] = 2
except TypeError as e:
    print("TypeError", e)
try:
    set([[1]])
except TypeError as e:
    print("TypeError", e)
class BadHash:
    def __hash__(self):
        raise ValueError("no hash")
for op in (lambda: {BadHash(): 1}, lambda: BadHash() in {}, lambda: {1}.add(BadHash()),
           lambda: BadHash() in {1}):
    try:
        op()
    except ValueError as e:
        print("ValueError", e)

# growth, deletion and re-insertion keep insertion order
d = {}
for i in range(1000):
    d[str(i)] = i
for i in range(0, 1000, 3):
    del d[str(i)]
for i in range(0, 1000, 6):
    d[str(i)] = -i
print(len(d), list(d)[:8], list(d)[-8:], sum(d.values()))
d = {i: i for i in range(50000)}
odd = {k: v for k, v in d.items() if k % 2}
print(len(odd), sum(odd) % 1000003, list(odd)[:3])

# set() construction paths
class MySet(set):
    def __init__(self, *a, **k):
        print("MySet init", a, k)
        super().__init__(*a)
print(set(), set("abca") == {"a", "b", "c"}, type(MySet([1])).__name__, sorted(MySet("xy")))
for bad in (lambda: set(1, 2), lambda: set(iterable=[1]), lambda: set(5)):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print(set.intersection(*[{1, 2, 3}, {2, 3}, {3, 2, 9}]), set().union(*[{1}, {2}, []]))

# str keys compared by value: lengths around the short-compare limit, all
# three kinds, equal text built separately (different objects)
texts = ["", "a", "ab", "x" * 15, "x" * 16, "x" * 17, "y" * 100, "é", "é" * 9, "€" * 8,
         "€" * 9, "\U0001F600" * 4, "\U0001F600" * 5, "ab\x00c", "ab\x00d"]
d = {t: i for i, t in enumerate(texts)}
s = set(texts)
copies = ["".join(list(t)) for t in texts]
print([d[c] for c in copies], all(c in s for c in copies), len(d), len(s))
near = [t[:-1] + "?" for t in texts if t]
print([n in d for n in near], [n in s for n in near])
