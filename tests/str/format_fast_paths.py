# Formatting fast paths (f-strings, str.format, %, format(), hex, str(int),
# fixed-point floats) against CPython, edge cases included.
import random
import struct

rnd = random.Random(20261126)

# fixed notation: exact rounding (ties, tiny, huge, subnormal, -0.0, nan, inf)
vals = [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.125, 0.375, 2.675, 1.005, 1e16, 1e17,
        9007199254740993.0, 5e-324, -5e-324, 1e-300, 123456789.125, 0.045,
        0.0049999999999999, 1e22, 1.7976931348623157e308, 2.0 ** 63, 2.0 ** 70,
        float('nan'), float('inf'), -float('inf'), 999.9995, 0.9999999999999999,
        1234.5, -0.004, -0.005, 0.05, 131072.00000000001, 2.0 ** -1022, 65536.0 * 65536.0 * 4.0]
for _ in range(120):
    k = rnd.random()
    if k < 0.3:
        v = struct.unpack('d', struct.pack('Q', rnd.getrandbits(64)))[0]
    elif k < 0.6:
        v = rnd.uniform(-1e6, 1e6)
    elif k < 0.8:
        v = rnd.randint(-10 ** 6, 10 ** 6) / 8 + rnd.choice([0, 0.5, 0.25, 0.125, 0.0625])
    else:
        v = rnd.uniform(0, 1) * 10 ** rnd.randint(-30, 30)
    vals.append(v)
for v in vals:
    print(repr(v), [format(v, '.%df' % p) for p in (0, 1, 2, 3, 6, 9, 17, 18, 25)],
          format(v, '#.0f'), '%.2f|%#.0f|%10.3f|%-+9.1f|%F' % (v, v, v, v, v),
          f'{v:.2f}', f'{v:z.1f}', f'{v:_.3f}', f'{v:,.2f}', f'{v:012.4f}', f'{v:^+15.2%}')

# ints: small, 64-bit edges, big; widths, fills, signs, grouping, bases
ints = [0, 1, -1, 7, -7, 9, 10, 99, 100, -100, 12345, 2 ** 29, 2 ** 30, -2 ** 30, 2 ** 31,
        2 ** 60 - 1, 2 ** 62, 2 ** 63 - 1, -2 ** 63, 2 ** 63, 2 ** 64 - 1, 2 ** 64, -2 ** 64,
        10 ** 19, 10 ** 19 - 1, 10 ** 30, -10 ** 40 - 7, True, False]
specs = ['', 'd', '04d', '>6', '<6', '^7', '=+8', '+', ' ', '-', ',', '_', '08,', '#x', '#X',
         'x', '_x', '#_b', 'o', '#o', 'b', '010b', '*^12,', 'n', 'c', '.2f', 'e', '%', '#10x']
for i in ints:
    row = []
    for sp in specs:
        try:
            row.append(format(i, sp))
        except (ValueError, OverflowError) as e:
            row.append(type(e).__name__)
    print(row)
    print(str(i), repr(i), hex(i), oct(i), bin(i), f'{i}', f'{i:04d}', f'{i!r:>30}',
          '%d %5d %-5d|%05d %x %X %#o %+d %i' % (i, i, i, i, i, i, i, i, i),
          '{}-{:>6}|{:<4}'.format(i, i * 3, i))

# str specs and conversions
for s in ['', 'x', 'abc', "it's", 'é', '€uro', '\U0001f600!', 'a' * 40, 'tab\there', 'q"\'']:
    print(f'{s!r}', f'{s!a}', f'{s!s:>8}', f'{s:*^9}', f'{s:.2}', f'{s:<3.1}', f'[{s}]',
          '%s|%r|%a|%5s|%-5s|%.1s' % (s, s, s, s, s, s), '{!r:>12}|{:^5}'.format(s, s))

# f-string pieces of every kind joined; subclasses and __format__ overrides
class I(int):
    def __format__(self, spec):
        return 'I<' + spec + '>'
class F(float):
    pass
class S(str):
    def __format__(self, spec):
        return 'S' + spec
class Weird:
    def __format__(self, spec):
        return S('w' + spec)
    def __repr__(self):
        return 'W()'
x, y = I(5), F(2.5)
print(f'{x} {x:04d} {y} {y:.3f} {S("s")} {S("s"):>4} {Weird()} {Weird():q} {Weird()!r:>5}')
print(type(f'{Weird()}').__name__, type(f'{S("s")}').__name__, type(f'{Weird()}{""}').__name__)
print(f'{"a"}{"é"}{"€"}{"😀"}', f'{1}{"€"}{2.5}', len(f'{"x" * 300}{"€" * 300}{"😀"}'))
print(f'{True} {False:>6} {None!s:>5} {3+4j:.1f} {2**100} {-0.0} {1e300*1e300} {-1e300*1e300}')
for bad in ['{:d}'.format, '{:04x}'.format]:
    try:
        print(bad(1.5))
    except ValueError as e:
        print(e)
try:
    f'{"s":d}'
except ValueError as e:
    print(e)
try:
    f'{5:.2d}'
except ValueError as e:
    print(e)
try:
    f'{5:,_}'
except ValueError as e:
    print(e)

# join and BUILD_STRING with mixed kinds and single items
class T(str):
    pass
print(''.join([T('a')]), type(''.join([T('a')])).__name__, '€'.join([T('a')]).isascii(),
      '€'.join(['a', 'b']), ''.join(['', '']), '-'.join(['é', 'x', '😀']), ascii(''.join([T('é')])))
print(','.join(str(i) for i in range(12)), ''.join(('a', 'b')), ''.join(x for x in []))

# the writer widening its inline buffer in place, and moving to the heap
for n in (0, 1, 10, 63, 64, 100, 127, 128, 200, 255, 256, 300, 1000):
    a = 'a' * n
    for w in ('\xe9', '\u20ac', '\U0001f600'):
        r1 = '{}{}'.format(a, w)
        r2 = '{}{}{}'.format(a, w, a)
        r3 = '{}{}{}'.format(w, a, '\U0001f600')
        r4 = '%s%s%s' % (a, w, a)
        print(n, ascii(w), len(r1), len(r2), len(r3), r1 == a + w, r2 == a + w + a,
              r3 == w + a + '\U0001f600', r4 == r2, ascii(r2[n - 1:n + 2]), hash(r2) == hash(a + w + a))
print(ascii(repr('a' * 300 + '\u20ac')[-6:]), ascii(repr('\xe9' * 200 + '\U0001f600')[-4:]))
