# Large str results (several KiB): every way of making one must give the
# same text, hash, size and behaviour as CPython.
import sys, pickle, marshal, io, os, tempfile

def mk(n, ch):
    return ''.join([ch] * n)

for ch in ['a', '\xe9', '\u20ac', '\U0001f600']:
    for n in (4095, 4096, 4097, 5000, 70000):
        s = mk(n, ch)
        u = s.upper()
        t = s + 'z'
        r = s.replace(ch, ch + ch)
        m = ch * n
        print(ascii(ch), n, len(s), len(u), len(t), len(r), s == m, hash(s) == hash(m),
              sys.getsizeof(s), sys.getsizeof(t), sys.getsizeof(m), s[n // 2:n // 2 + 3] == ch * 3,
              t.endswith('z'), r.count(ch) == 2 * n, {s: 1}[m], s < t, t > s)

big = '\n'.join('line %05d %s' % (i, 'x' * (i % 7)) for i in range(3000))
print(len(big), big.count('\n'), big.upper()[:12], big.lower()[-10:], big.title()[:20],
      big.swapcase()[5:25], big.capitalize()[:10], big.casefold()[-5:])
print(len(big.split()), len(big.splitlines()), big.find('line 02999'), big.rfind('line 00000'),
      big.replace('line', 'L')[:20], big.strip()[-5:], big.center(len(big) + 4, '*')[:3],
      big.encode('utf-8')[-8:], len(big.encode('utf-16')), big.zfill(len(big) + 2)[:3])
wide = big + '\u20ac'
print(len(wide), wide[-3:].encode('utf-8'), wide.upper()[-2:].encode(), wide.find('\u20ac'))
print(pickle.loads(pickle.dumps(big, 0)) == big, pickle.loads(pickle.dumps(wide)) == wide,
      marshal.loads(marshal.dumps(big)) == big, marshal.loads(marshal.dumps(wide)) == wide)
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, 'f.txt')
    with open(p, 'w', encoding='utf-8') as f:
        f.write(wide)
    with open(p, encoding='utf-8') as f:
        back = f.read()
    print(back == wide, len(back))
buf = io.StringIO()
print(big, file=buf, end='')
print(buf.getvalue() == big, repr(big)[:10], repr(wide)[-6:], ascii(wide)[-8:])
g = big
for k in range(50):
    g += '%d,' % k
print(len(g), g[-12:], g.startswith(big), big[-6:])
print(format(big[:5], '>8'), f'{big[:4]!r:^10}', '%.8s|' % big, str(big) is big)
