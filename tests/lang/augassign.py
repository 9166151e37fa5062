"""Augmented assignment: every operator, in-place vs rebinding, targets."""

n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 4; print(n)
n //= 5; print(n)
n /= 2; print(n)
n = 17
n %= 5; print(n)
n **= 3; print(n)
n <<= 2; print(n)
n >>= 1; print(n)
n &= 0b1111; print(n)
n |= 0b10000; print(n)
n ^= 0b11; print(n)

s = "ab"
s += "cd"
s *= 2
print(s)

lst = [1]
alias = lst
lst += [2, 3]
lst *= 2
print(lst, alias is lst)
lst += "xy"
print(lst)
try:
    lst = lst + "z"
except TypeError as e:
    print(type(e).__name__, e)

t = (1,)
talias = t
t += (2,)
print(t, talias, t is talias)

st = {1, 2}
sa = st
st |= {3}
st &= {1, 3, 4}
st -= {1}
st ^= {5}
print(sorted(st), sa is st)

d = {"a": 1}
d |= {"b": 2}
print(d)

# Targets: attributes and subscripts evaluate their container once
log = []


class Box:
    def __init__(self):
        self._v = 1

    @property
    def v(self):
        log.append("get")
        return self._v

    @v.setter
    def v(self, x):
        log.append("set")
        self._v = x


b = Box()
b.v += 10
print(b.v, log)


class Rec(list):
    def __getitem__(self, i):
        print("getitem", i)
        return super().__getitem__(i)

    def __setitem__(self, i, v):
        print("setitem", i, v)
        super().__setitem__(i, v)


def idx():
    print("index evaluated")
    return 0


r = Rec([5])
r[idx()] += 1
print(r)

# The famous tuple-with-list case: mutation happens, then TypeError
tup = ([1],)
try:
    tup[0] += [2]
except TypeError as e:
    print(type(e).__name__, e)
print(tup)

# Augmented assignment on globals inside functions
counter = 0


def bump():
    global counter
    counter += 1


for _ in range(3):
    bump()
print(counter)

f = 1.5
f **= 2
f -= 0.25
print(f)
c = 1j
c *= 1j
print(c)
big = 2
big **= 100
big //= 3
print(big)
bs = b"ab"
bs += b"c"
ba = bytearray(b"x")
ba += b"yz"
ba *= 2
print(bs, ba)
