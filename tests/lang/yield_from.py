"""yield from: delegation, return values, send/throw forwarding."""


def inner():
    x = yield "inner-1"
    print("inner got", x)
    y = yield "inner-2"
    print("inner got", y)
    return "inner-result"


def outer():
    r = yield from inner()
    print("outer got result", r)
    yield "outer-end"


g = outer()
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    next(g)
except StopIteration:
    print("exhausted")


def chain(*its):
    for it in its:
        yield from it


print(list(chain([1, 2], "ab", range(3), (x * x for x in range(3)))))


def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x


print(list(flatten([1, [2, [3, [4, []]], 5], [[6]]])))


def catching_inner():
    while True:
        try:
            yield "ready"
        except KeyError as e:
            yield "inner handled %s" % e


def delegating():
    yield from catching_inner()


d = delegating()
print(next(d))
print(d.throw(KeyError("k")))
print(next(d))


def closing_inner():
    try:
        yield 1
        yield 2
    finally:
        print("inner finally")


def closing_outer():
    try:
        yield from closing_inner()
    finally:
        print("outer finally")


co = closing_outer()
next(co)
co.close()


def uncaught_inner():
    yield 1


def passes_through():
    try:
        yield from uncaught_inner()
    except ValueError as e:
        print("outer caught", e)
        yield "after"


pt = passes_through()
next(pt)
print(pt.throw(ValueError("thrown")))


# yield from a non-generator iterator ignores send(None)
def from_list():
    result = yield from [10, 20]
    return result


fl = from_list()
print(next(fl), fl.send(None))
try:
    next(fl)
except StopIteration as e:
    print("value", e.value)

# send non-None to a list iterator fails
fl2 = from_list()
next(fl2)
try:
    fl2.send(5)
except AttributeError as e:
    print(type(e).__name__, e)


# Return value propagation through many levels
def level(n):
    if n == 0:
        return 0
        yield
    v = yield from level(n - 1)
    return v + n


try:
    next(level(10))
except StopIteration as e:
    print("sum levels", e.value)


# yield from with StopIteration carrying value from an iterator class
class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration("countdown-done")
        self.n -= 1
        return self.n


def use_countdown():
    r = yield from Countdown(3)
    yield r


print(list(use_countdown()))


def tree(n):
    if n:
        yield from tree(n - 1)
        yield n
        yield from tree(n - 1)


print(list(tree(3)))
