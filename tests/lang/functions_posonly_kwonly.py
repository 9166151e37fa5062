"""Positional-only (/) and keyword-only (*) parameters."""


def po(a, b, /, c, *, d, e=5):
    return (a, b, c, d, e)


print(po(1, 2, 3, d=4))
print(po(1, 2, c=3, d=4, e=6))
for call in [
    lambda: po(1, 2, 3, 4),
    lambda: po(a=1, b=2, c=3, d=4),
    lambda: po(1, 2, 3),
    lambda: po(1, b=2, c=3, d=4),
]:
    try:
        print(call())
    except TypeError as e:
        print(type(e).__name__, e)


# A positional-only name can also appear in **kwargs.
def both(name, /, **kw):
    return name, kw


print(both("pos", name="kw"))


def kwonly(*, x, y=2):
    return x * y


print(kwonly(x=3), kwonly(y=10, x=1))
try:
    kwonly(1)
except TypeError as e:
    print(type(e).__name__, e)


def defaults_po(a, b=10, /, c=20):
    return a + b + c


print(defaults_po(1), defaults_po(1, 2), defaults_po(1, 2, 3), defaults_po(1, c=0))


def starred_kw(*args, sep="-", end="."):
    return sep.join(map(str, args)) + end


print(starred_kw(1, 2, 3), starred_kw(1, 2, sep="+", end="!"))

co = po.__code__
print(co.co_posonlyargcount, co.co_argcount, co.co_kwonlyargcount)
print(po.__kwdefaults__, po.__defaults__)


class M:
    def meth(self, a, /, b, *, c):
        return a, b, c

    @classmethod
    def cm(cls, /, x):
        return cls.__name__, x


m = M()
print(m.meth(1, 2, c=3), m.meth(1, b=2, c=3), M.cm(x=1))
try:
    m.meth(a=1, b=2, c=3)
except TypeError as e:
    print(type(e).__name__, e)


# Builtins that take positional-only arguments
for call in [lambda: len(obj=[1]), lambda: divmod(x=1, y=2), lambda: abs(x=1)]:
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)

# sorted: key/reverse are keyword-only
try:
    sorted([3, 1], None)
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([3, 1, 2], reverse=True))

# lambda with markers
lam = lambda a, /, b, *, c: (a, b, c)
print(lam(1, 2, c=3), lam(1, b=2, c=3))


def many(a, b=1, /, c=2, *args, d, e=3, **kw):
    return a, b, c, args, d, e, kw


print(many(0, d=9))
print(many(0, 1, 2, 3, 4, d=5, f=6))
print(many(0, c=7, d=8, b=1))
