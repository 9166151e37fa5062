"""_functools: reduce, partial, cmp_to_key and lru_cache (through
functools.py, which uses the C versions)."""
import functools
import _functools


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


print('C versions', functools.partial is _functools.partial, functools.reduce is _functools.reduce,
      functools.cmp_to_key is _functools.cmp_to_key)
show('reduce', lambda: functools.reduce(lambda a, b: a * 10 + b, [1, 2, 3]))
show('reduce init', lambda: functools.reduce(max, [], 7))
show('reduce empty', lambda: functools.reduce(max, []))
show('reduce bad', lambda: functools.reduce(max, 3))


def f(*args, **kw):
    return args, kw


p = functools.partial(f, 1, a=2)
q = functools.partial(p, 3, b=4)
show('partial', lambda: (q(5, a=6), q.func is f, q.args, q.keywords))
show('partial repr', lambda: repr(functools.partial(max, 1, key=None)))
show('partial reduce', lambda: functools.partial(max, 1).__reduce__())
show('partial errs', lambda: functools.partial())
show('partial errs2', lambda: functools.partial(1))


class P(functools.partial):
    pass


show('subclass not flattened', lambda: P(p, 9).args)
p.attr = 1
show('dict blocks flattening', lambda: functools.partial(p, 9).args)

K = functools.cmp_to_key(lambda a, b: (a > b) - (a < b))
show('cmp_to_key', lambda: sorted([3, 1, 2], key=K))
show('K compare', lambda: (K(1) < K(2), K(2) <= K(2), K(3) == K(3), K(1) > K(2)))
show('K err', lambda: K(1) < 2)
show('K hash', lambda: hash(K(1)))

calls = []


@functools.lru_cache(maxsize=3)
def sq(x):
    calls.append(x)
    return x * x


for v in [1, 2, 3, 1, 4, 2, 5, 1]:
    sq(v)
print('lru', calls, sq.cache_info())
sq.cache_clear()
print('lru clear', sq.cache_info(), sq.cache_parameters())


@functools.lru_cache(maxsize=None, typed=True)
def ident(x):
    return repr(x)


print('typed', ident(1), ident(1.0), ident(True), ident.cache_info())


@functools.lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print('fib', fib(60), fib.cache_info(), fib.__name__, fib.__doc__, fib.__wrapped__.__name__)


class C:
    @functools.lru_cache(maxsize=0)
    def m(self, x):
        return x + 1


print('method', C().m(1), C.m.cache_info())
