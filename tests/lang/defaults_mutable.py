"""Mutable default arguments are evaluated once and shared across calls."""


def append_to(item, target=[]):
    target.append(item)
    return target


print(append_to(1))
print(append_to(2))
print(append_to(3, []))
print(append_to(4))
print(append_to.__defaults__)


def safe_append(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target


print(safe_append(1), safe_append(2))


def memo_fib(n, cache={0: 0, 1: 1}):
    if n not in cache:
        cache[n] = memo_fib(n - 1) + memo_fib(n - 2)
    return cache[n]


print(memo_fib(50), len(memo_fib.__defaults__[0]))

calls = []


def side_effect():
    calls.append("evaluated")
    return len(calls)


def uses_default(x=side_effect()):
    return x


print(calls, uses_default(), uses_default(), calls)


def dict_default(key, value, d={}):
    d[key] = value
    return d


dict_default("a", 1)
print(dict_default("b", 2))


class Bag:
    def __init__(self, items=[]):
        self.items = items

    def add(self, x):
        self.items.append(x)


b1 = Bag()
b2 = Bag()
b1.add("shared")
print(b2.items, b1.items is b2.items)


# Default evaluated in the defining scope
def outer():
    base = 100

    def inner(x=base):
        return x
    base = 200
    return inner()


print(outer())


# Keyword-only mutable defaults behave the same way
def kw_default(*, seen=set()):
    seen.add(len(seen))
    return sorted(seen)


print(kw_default(), kw_default(), kw_default.__kwdefaults__)

# Replacing __defaults__ resets the shared object
append_to.__defaults__ = ([],)
print(append_to("fresh"))

# Lambda defaults
lams = [lambda acc=[]: acc.append(1) or len(acc) for _ in range(2)]
print(lams[0](), lams[0](), lams[1]())

# Tuple default is immutable
def tup(t=()):
    t += (1,)
    return t


print(tup(), tup())
