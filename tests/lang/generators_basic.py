"""Generators: yield, state, StopIteration, return values, laziness."""


def count_up(n):
    print("start")
    i = 0
    while i < n:
        yield i
        i += 1
    print("done")
    return "result"


g = count_up(3)
print(type(g).__name__, g.__name__, g.__qualname__)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print(type(e).__name__, e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("again", e.value)

print(list(count_up(4)))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(15)])


def take(n, it):
    for i, v in enumerate(it):
        if i >= n:
            return
        yield v


print(list(take(5, fib())))


def evens(it):
    for v in it:
        if v % 2 == 0:
            yield v


print(list(take(6, evens(fib()))))

# Generator state inspection
g = count_up(1)
print(g.gi_running, g.gi_frame is not None)
list(g)
print(g.gi_frame)


# Generator with try/finally
def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")


for v in guarded():
    print("got", v)

gg = guarded()
next(gg)
gg.close()
print("closed")


# Generator raising
def boom():
    yield 1
    raise ValueError("inside generator")


b = boom()
print(next(b))
try:
    next(b)
except ValueError as e:
    print(type(e).__name__, e)
print(list(b))


# StopIteration inside a generator becomes RuntimeError (PEP 479)
def leaky():
    yield 1
    next(iter([]))


try:
    list(leaky())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)


# Generator re-entrancy
def reenter():
    yield next(me)


me = reenter()
try:
    next(me)
except ValueError as e:
    print(type(e).__name__, e)

# Generators are iterators
g = count_up(2)
print(iter(g) is g)


# Yield as expression evaluates to None when using next
def echo():
    while True:
        got = yield
        print("echo received", got)


e = echo()
next(e)
next(e)


# Infinite generator combined with zip
def letters():
    for c in "abc":
        yield c


print(list(zip(letters(), fib())))


# Generator in a class
class Tree:
    def __init__(self, v, *kids):
        self.v, self.kids = v, kids

    def walk(self):
        yield self.v
        for k in self.kids:
            yield from k.walk()


t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t.walk()))


def empty():
    return
    yield


print(list(empty()), type(empty()).__name__)
