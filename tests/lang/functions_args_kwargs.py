"""Function calls: positional, keyword, defaults, *args, **kwargs, errors."""


def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw


print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, e=9))
print(f(a=1, c=3, b=0, zz=1))
print(f(*[1, 2, 3], **{"c": 0, "x": 1}))


def g(x, y):
    return x - y


print(g(1, 2), g(y=1, x=2), g(5, y=1))

errors = [
    lambda: g(1),
    lambda: g(1, 2, 3),
    lambda: g(1, x=2),
    lambda: g(1, 2, z=3),
    lambda: f(),
    lambda: f(1),
    lambda: g(),
    lambda: (lambda: 0)(1),
    lambda: (lambda *, k: k)(),
    lambda: (lambda a, b, c: 0)(1),
    lambda: (lambda a, /, b: 0)(a=1, b=2),
]
for fn in errors:
    try:
        fn()
    except TypeError as e:
        print(type(e).__name__, e)


def collect(*args, **kwargs):
    return type(args).__name__, args, type(kwargs).__name__, kwargs


print(collect())
print(collect(1, "two", three=3))


# kwargs preserve call order
def order(**kw):
    return list(kw)


print(order(z=1, a=2, m=3))
print(order(**{"b": 1}, a=2))


# Introspection of signatures via code objects
def sig(a, b, /, c, *d, e, f=1, **g):
    pass


co = sig.__code__
print(co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_varnames[:7])
print(sig.__defaults__, sig.__kwdefaults__, sig.__name__)


def defaults(a, b=[1], c=None):
    return a, b, c


print(defaults.__defaults__)
defaults.__defaults__ = (10, 20)
print(defaults(0))


# Recursion and keyword forwarding
def fact(n, acc=1):
    return acc if n <= 1 else fact(n - 1, acc=acc * n)


print(fact(20))


def wrapper(*a, **k):
    return g(*a, **k)


print(wrapper(10, y=3))

# Function attributes
def tagged():
    return tagged.calls


tagged.calls = 7
print(tagged(), tagged.__dict__)
print(g.__qualname__, f.__module__)


def outer():
    def inner():
        pass
    return inner


print(outer().__qualname__)

# Keyword arguments with non-identifier strings in **
print(collect(**{"not an identifier": 1}))
try:
    collect(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)

# Return values
def none_return():
    pass


def multi():
    return 1, 2


print(none_return(), multi(), type(multi()).__name__)

# Nested default evaluation time
val = 1


def late(x=val):
    return x


val = 2
print(late())
