# Repeated concatenation: growable strings must behave exactly like
# immutable compact ones (aliasing, hashing, kinds, sizes).
import sys

def build(n, piece):
    s = ''
    for i in range(n):
        s += piece
    return s

# aliasing: extending s leaves every earlier value unchanged
s = build(50, 'ab')
a = s
s += 'x'
print(len(a), a[-3:], len(s), s[-3:])
b = a + 'y'          # a is no longer the tip: must not overwrite s
c = a + 'z'
print(s[-1], b[-1], c[-1], a[-1], len(a), len(b), len(c))
s = s + 'q'
print(s[-3:], a[-3:], b[-3:])

# many strings from one prefix
base = build(40, 'xy')
outs = [base + str(i) for i in range(10)]
print([o[-2:] for o in outs], len(set(outs)))
print(base.endswith('xy'), len(base))

# dict keys and hashes before/after extension
k = build(70, 'k')
d = {k: 'first'}
h = hash(k)
k2 = k + 'k'
d[k2] = 'second'
print(d[k], d['k' * 70], d['k' * 71], hash(k) == h, hash(k2) == hash('k' * 71))
print(k in d, k2 in d, len(d))
k3 = k2 + 'k'
print(k3 in d, k3[:-1] in d, k3[:-1] == k2)

# interning an extended string
k4 = sys.intern(k3)
print(k4 == 'k' * 72, k4 is sys.intern('k' * 72))

# mixed kinds: ASCII, Latin-1, BMP, astral, appended in every order
pieces = ['a', '\xe9', '\u20ac', '\U0001f600', 'z']
for first in pieces:
    for second in pieces:
        s = first * 70
        t = s + second
        u = t + first
        v = t + 'tail'
        print(ascii(t[-2:]), ascii(u[-3:]), ascii(v[-5:]), len(t), len(u), len(v),
              t.isascii(), u.isascii(), v.isascii(), t == first * 70 + second,
              hash(t) == hash(first * 70 + second))

# a wide tip gets narrow pieces
s = build(40, '\u20ac')
for ch in 'abc\xe9':
    s += ch
print(ascii(s[-5:]), len(s), max(s) == '\u20ac')
w = build(30, '\U0001f600') + 'x'
w2 = w + 'y'
print(ascii(w2[-3:]), len(w2), w < w2, w2 > w, w2[:-1] == w)

# narrow tip, wide piece: result is wider, prefix stays narrow
n = build(80, 'n')
n2 = n + '\u20ac'
n3 = n + 'm'
print(ascii(n2[-2:]), n3[-2:], n.isascii(), n2.isascii(), n3.isascii())

# += in a generator, interleaved accumulators
def gen():
    acc = ''
    for i in range(200):
        acc += str(i % 10)
        yield acc
g1, g2 = gen(), gen()
res = []
for x, y in zip(g1, g2):
    res.append(x == y)
print(all(res), len(x), x[-10:])
acc1 = acc2 = ''
for i in range(300):
    acc1 += 'a'
    acc2 += 'b'
    if i == 150:
        snap = acc1
print(len(acc1), len(acc2), set(acc1), set(acc2), len(snap), set(snap))

# very long strings
big = ''
for i in range(20000):
    big += 'abcde'
print(len(big), big.count('e'), big[:7], big[-7:])
big2 = big + big
print(len(big2), big2[99997:100003])

# s = s + t and slices, find, replace, formatting on growable strings
s = build(100, 'ab')
s = s + 'C'
print(s.find('C'), s.replace('ab', '-')[:5], s.upper()[-3:], '{:>5}'.format(s[-3:]), f'{s[-2:]!r}')
print(repr(s)[-5:], s.encode()[-4:], s.split('b')[-2:], str(s) is s, s[::-1][:3])
print(sys.getsizeof(build(100, 'x')), sys.getsizeof(build(70, '\xe9')))
print(sys.getsizeof(build(70, '\u20ac')), sys.getsizeof(build(70, '\U0001f600')))
print(s.__sizeof__() == sys.getsizeof(s) - 0 or sys.getsizeof(s) - s.__sizeof__())

# comparisons and concatenation onto subclasses
class S(str):
    pass
t = build(70, 'p')
print(type(t + S('q')).__name__, type(S('q') + t).__name__, (S(t) + 'x')[-2:])
print(t + 'a' < t + 'b', t + 'a' == t + 'a', sorted([t + 'b', t + 'a', t])[0] == t)

try:
    t + 1
except TypeError as e:
    print(e)
try:
    t += b'x'
except TypeError as e:
    print(e)

# consumers that read the characters through other paths
import json, re, io
e = build(40, '\xe9') + '!'
print(e[-3:], len(e.encode('utf-8')), e.encode('latin-1')[-2:])
try:
    e.encode('ascii')
except UnicodeEncodeError as exc:
    print(exc)
digits = build(70, '1')
digits = digits + '2'
print(int(digits) % 1000, float(digits[:20] + '.5'), int(digits, 16) % 97)
print(json.dumps(build(35, 'j\u20ac'))[:8], json.loads('"' + build(40, 'q') + '"')[-2:])
print(re.findall(r'b+', build(40, 'ab') + 'bbb')[-1], re.sub('a', 'A', build(40, 'ab'))[:6])
buf = io.StringIO()
buf.write(build(40, 'w\u20ac'))
print(len(buf.getvalue()), buf.getvalue()[-2:])
ident = build(35, 'id')
ident += '_x'
ns = {}
exec(ident + ' = 5', ns)
print(ns[ident], ident.isidentifier())
print(format(build(33, 'f'), '>70')[:5], build(35, 'ab').center(74, '*')[:4])

# a subclass instance made from a non-tip growable str ends where it should
class P(str):
    pass
g = build(40, 'ab')
g2 = g + 'tail'        # g is no longer the tip
pg = P(g)
print(len(pg), pg[-3:], pg == g, str(pg) == g, pg.encode()[-3:], repr(pg)[-4:])
import os
print(os.path.basename(P(build(40, 'd') + '/name')), os.fspath(P(g))[-2:])
