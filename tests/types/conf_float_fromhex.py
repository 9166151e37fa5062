# float.fromhex: exact half-even rounding, subnormals included, and only
# ASCII digits and spaces.
import random
rng = random.Random(1234)
out = []
for i in range(4000):
    nd = rng.randint(1, 20)
    digits = ''.join(rng.choice('0123456789abcdef') for _ in range(nd))
    point = rng.randint(0, nd)
    mant = digits[:point] + ('.' + digits[point:] if rng.random() < 0.7 else digits[point:])
    exp = rng.choice([rng.randint(-1100, -1000), rng.randint(-1080, -1060), rng.randint(-30, 30), rng.randint(1000, 1030)])
    s = '%s0x%sp%d' % (rng.choice(['', '-', ' ']), mant, exp)
    try:
        out.append(float.fromhex(s).hex())
    except (ValueError, OverflowError) as e:
        out.append(type(e).__name__)
import zlib
print(len(out), zlib.crc32("\n".join(out).encode()))
print(out[:5], out[-5:])
for s in ['0x0.ffffffffffffecp-1022', '0x1.fffffffffffff8p+1023', '0x1.fffffffffffff7fp+1023', '0x.8p-1074', '0x.80000001p-1074', '0x1p-1075', '0X1P+0', '1', '0x', 'p1', '0x1p', '0x1.', '0x.1', '0x1p0 ', '0x1p０', '\u2003 0x1p0', 'inf', '-Infinity', 'nan', '0x1__0']:
    try:
        print(repr(s), float.fromhex(s).hex())
    except (ValueError, OverflowError) as e:
        print(repr(s), type(e).__name__, e)
