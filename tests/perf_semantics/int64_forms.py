# The int forms over int64 operands (up to three 30-bit digits, |v| < 2**63):
# every operator near the 2**60 / 2**62 / 2**63 / 2**64 boundaries, with
# negative values, run in warm loops so the specialised forms are used.

B = [0, 1, -1, 5, -6, 255, 256, 257, 1024, 1025, -1025, 2**30 - 1, 2**30, -2**30,
     2**31 - 1, 2**60 - 1, 2**60, -2**60, 2**61 + 3, 2**62 - 1, 2**62, -2**62,
     2**63 - 1, 2**63, -2**63, -2**63 + 1, -2**63 - 1, 2**64 - 1, 2**64, -2**64,
     3 * 2**60 + 7, -(3 * 2**60 + 7), 12345678901234567, -98765432109876543]


def add(a, b): return a + b
def sub(a, b): return a - b
def mul(a, b): return a * b
def floordiv(a, b): return a // b
def mod(a, b): return a % b
def band(a, b): return a & b
def bor(a, b): return a | b
def bxor(a, b): return a ^ b
def rshift(a, b): return a >> b
def truediv(a, b): return a / b


def reuse2(a, b):
    # the left operand comes straight from a BINARY_OP: the *_REUSE2 forms
    return (a * 3) + b, (a - 7) - b, (a + 1) * b


def reuse1(a, b):
    return b + (a * 3), b - (a - 7), b * (a + 1)


def run(f, a, b):
    try:
        return f(a, b)
    except (ZeroDivisionError, ValueError, OverflowError) as e:
        return type(e).__name__ + ": " + str(e)


ops = [add, sub, mul, floordiv, mod, band, bor, bxor, truediv, reuse1, reuse2]
for f in ops:
    out = []
    for _ in range(3):           # warm: the forms are written after a few runs
        out = [run(f, a, b) for a in B for b in B]
    for i, a in enumerate(B):
        print(f.__name__, a, [out[i * len(B) + j] for j in range(len(B))])

shifts = [0, 1, 2, 3, 29, 30, 31, 59, 60, 61, 62, 63, 64, 65, 100, -1]
for _ in range(3):
    out = [run(rshift, a, s) for a in B for s in shifts]
print("rshift", out)

# types of results stay int (never bool), and sign of zero results
for _ in range(3):
    r = [type(band(2**62, 2**61)), band(-2**62, 2**62 - 1), mod(-2**62, 2**62), floordiv(-1, 2**62)]
print(r)

# the LCG of bm_dicts_sets, and an accumulator crossing into big ints
x = 12345
acc = 0
for i in range(20000):
    x = (x * 1103515245 + 12345) & 0x7FFFFFFF
    acc = acc * 3 + x if acc < 2**70 else acc // 7 - x
    acc -= i
print(x, acc)

# small-int identity survives the int64 forms
for _ in range(30):
    a = 2**62 + 5
    z = (a - 2**62) - 5
    s = (a & 255)
ZERO, FIVE, ONE = 0, 5, 1
print(z is ZERO, s is FIVE, floordiv(2**61, 2**61) is ONE)

# subclasses and bools take the generic path
class I(int):
    def __add__(self, o): return "I.add"
    def __and__(self, o): return "I.and"
for _ in range(30):
    r = [I(2**62) + 1, I(2**62) & 1, True + 2**62, (2**62) & True, 2**62 % True]
print(r)
