# The inline allocation paths (int/float/tuple/list/cell/method constructors,
# list item arrays): values at the edges of each size class, contents that
# survive many collections, and subclasses that still take the general path.
import gc
import sys

# one-digit ints (28-byte objects) and the neighbours of the boundaries
edges = [-2**30 - 1, -2**30, -2**30 + 1, -257, -6, -5, 0, 256, 257,
         2**30 - 1, 2**30, 2**30 + 1, 2**60, -2**60, 2**63 - 1, -2**63]
for v in edges:
    w = int(str(v))
    print(v, w == v, w + 1 - 1 == v, -w == -v, hash(w) == hash(v),
          sys.getsizeof(w) == sys.getsizeof(v), abs(w) >= 0, w.bit_length())
print([i * 40000 for i in range(-3, 4)])
print(sum(range(2**30 - 5, 2**30 + 5)), sum(range(-2**30 - 5, -2**30 + 5)))

# many short-lived objects across collections; the kept ones stay intact
keep = []
for i in range(200000):
    t = (i, float(i) / 3, [i, -i], str(i))
    if i % 997 == 0:
        keep.append(t)
    if i % 50000 == 0:
        gc.collect()
gc.collect()
ok = all(t[0] * 997 == t[0] * 997 and t[1] == t[0] / 3 and t[2] == [t[0], -t[0]]
         and t[3] == str(t[0]) for t in keep)
print(len(keep), ok, keep[-1])

# closures (cells) and bound methods made in bulk
def make(n):
    return lambda: n
fs = [make(i) for i in range(1000)]
gc.collect()
print(sum(f() for f in fs))
class C:
    def m(self, x):
        return x + 1
c = C()
ms = [c.m for _ in range(1000)]
gc.collect()
print(sum(m(1) for m in ms), ms[0] == ms[1], ms[0] is ms[1])

# lists of every small size, grown and shrunk
ls = [[j for j in range(i)] for i in range(70)]
for l in ls:
    l.append(-1)
    del l[:len(l) // 2]
gc.collect()
print([len(l) for l in ls][:12], ls[-1][:3], ls[5])

# subclasses take the general allocator (with __dict__ after the digits)
class I(int):
    pass
class F(float):
    pass
class T(tuple):
    pass
class L(list):
    pass
xs = [I(2**30 - 1), I(5), F(1.5), T((1, 2)), L([3])]
for x in xs:
    x.tag = type(x).__name__
gc.collect()
print([(x, x.tag) for x in xs], float('nan') != float('nan'), -0.0, 1e308 * 10)

# big ints (12 digits and more) keep only their head scanned
bigs = [3 ** k for k in range(200, 2200, 100)] + [-(7 ** 500), 2 ** 359, 2 ** 360 - 1]
for _ in range(3):
    junk = [x * 5 + 1 for x in bigs]
    gc.collect()
print([b % 1000003 for b in bigs], sum(bigs) % 999983, len(str(bigs[-4])))
print(all(j == b * 5 + 1 for j, b in zip(junk, bigs)))

# bytes past the scanned head: contents intact, views keep them alive
b = bytes(range(256)) * 1000
m = memoryview(b)[5000:]
del b
gc.collect()
print(len(m), m[0], bytes(m[:4]), bytes(m[-3:]))
x = [bytes([i % 256]) * (i % 300) for i in range(20000)]
gc.collect()
print(sum(len(y) for y in x), x[299][:3], x[-1][-3:], x[71], len(x[72]))
