"""Operator overloading: binary, reflected, in-place, unary, NotImplemented."""


class V:
    def __init__(self, *c):
        self.c = tuple(c)

    def __repr__(self):
        return "V%r" % (self.c,)

    def __add__(self, o):
        if isinstance(o, V):
            return V(*(a + b for a, b in zip(self.c, o.c)))
        if isinstance(o, (int, float)):
            return V(*(a + o for a in self.c))
        return NotImplemented

    def __radd__(self, o):
        print("radd with", o)
        return self + o

    def __sub__(self, o):
        return V(*(a - b for a, b in zip(self.c, o.c)))

    def __mul__(self, k):
        if isinstance(k, V):
            return sum(a * b for a, b in zip(self.c, k.c))
        return V(*(a * k for a in self.c))

    __rmul__ = __mul__

    def __matmul__(self, o):
        return "matmul"

    def __truediv__(self, k):
        return V(*(a / k for a in self.c))

    def __floordiv__(self, k):
        return V(*(a // k for a in self.c))

    def __mod__(self, k):
        return V(*(a % k for a in self.c))

    def __pow__(self, k, mod=None):
        return V(*(pow(a, k, mod) for a in self.c))

    def __neg__(self):
        return V(*(-a for a in self.c))

    def __pos__(self):
        return self

    def __abs__(self):
        return sum(a * a for a in self.c)

    def __invert__(self):
        return V(*reversed(self.c))

    def __eq__(self, o):
        return isinstance(o, V) and self.c == o.c

    def __hash__(self):
        return hash(self.c)

    def __bool__(self):
        return any(self.c)

    def __len__(self):
        return len(self.c)

    def __getitem__(self, i):
        return self.c[i]

    def __contains__(self, x):
        return x in self.c

    def __lshift__(self, n):
        return V(*(a << n for a in self.c))

    def __and__(self, o):
        return "and"

    def __or__(self, o):
        return "or"

    def __xor__(self, o):
        return "xor"


a, b = V(1, 2), V(3, 4)
print(a + b, a - b, a * 2, 3 * a, a * b, a @ b)
print(a / 2, b // 2, b % 3, a ** 2, pow(b, 2, 5))
print(-a, +a, abs(b), ~a, a << 2, a & b, a | b, a ^ b)
print(a + 1, 10 + a)
print(a == V(1, 2), a != b, bool(V(0, 0)), bool(a), len(a), a[1], a[-1:], 2 in a)
print({a: "x"}[V(1, 2)])

try:
    a + "s"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "s" - a
except TypeError as e:
    print(type(e).__name__, e)


class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, x):
        self.items.append(x)
        return self

    def __repr__(self):
        return "Acc%r" % self.items


acc = Acc()
alias = acc
acc += 1
acc += 2
print(acc, alias is acc)


class OnlyAdd:
    def __init__(self, n):
        self.n = n

    def __add__(self, o):
        return OnlyAdd(self.n + o)


x = OnlyAdd(1)
y = x
x += 5
print(x.n, y.n, x is y)


# Reflected operand of a subclass is tried first.
class Base:
    def __add__(self, o):
        return "Base.add"

    def __radd__(self, o):
        return "Base.radd"


class Sub(Base):
    def __radd__(self, o):
        return "Sub.radd"


print(Base() + Sub(), Sub() + Base())


class Cmp:
    def __init__(self, v):
        self.v = v

    def __lt__(self, o):
        print("lt", self.v, o.v)
        return self.v < o.v

    def __repr__(self):
        return "Cmp(%d)" % self.v


print(Cmp(1) < Cmp(2), Cmp(5) > Cmp(3))
print(sorted([Cmp(3), Cmp(1), Cmp(2)]))
try:
    Cmp(1) <= Cmp(2)
except TypeError as e:
    print(type(e).__name__, e)


class Idx:
    def __index__(self):
        return 2


print([10, 20, 30][Idx()], "abcdef"[Idx():], bin(Idx()), range(10)[Idx()])


class Callable:
    def __call__(self, *a, **k):
        return (a, sorted(k.items()))


print(Callable()(1, 2, z=3))


class Fmt:
    def __format__(self, spec):
        return "<%s>" % spec

    def __str__(self):
        return "str!"

    def __repr__(self):
        return "repr!"


print(format(Fmt(), "abc"), f"{Fmt():xyz}", f"{Fmt()!r}", str(Fmt()), [Fmt()])
