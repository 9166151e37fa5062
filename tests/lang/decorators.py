"""Decorators: function and class decorators, stacking, arguments, wraps-like."""

trace = []


def logged(fn):
    def wrapper(*a, **k):
        trace.append("call " + fn.__name__)
        return fn(*a, **k)
    wrapper.__name__ = fn.__name__
    wrapper.__doc__ = fn.__doc__
    wrapper.__wrapped__ = fn
    return wrapper


@logged
def add(a, b):
    """Add two things."""
    return a + b


print(add(1, 2), add.__name__, add.__doc__, trace)
print(add.__wrapped__(3, 4), trace)


def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco


@repeat(3)
def hello(name):
    return "hi " + name


print(hello("bob"))

order = []


def mark(label):
    order.append("factory " + label)

    def deco(fn):
        order.append("apply " + label)
        fn.labels = getattr(fn, "labels", []) + [label]
        return fn
    return deco


@mark("outer")
@mark("inner")
def stacked():
    pass


print(order, stacked.labels)


def register(registry):
    def deco(cls):
        registry[cls.__name__] = cls
        return cls
    return deco


REG = {}


@register(REG)
class Alpha:
    pass


@register(REG)
class Beta:
    pass


print(list(REG))


def add_method(cls):
    cls.extra = lambda self: "extra on " + type(self).__name__
    return cls


@add_method
class Gamma:
    pass


print(Gamma().extra())


# Decorator that replaces with a non-function
def to_value(fn):
    return fn()


@to_value
def computed():
    return 42


print(computed)


# Class used as a decorator
class CountCalls:
    def __init__(self, fn):
        self.fn = fn
        self.calls = 0

    def __call__(self, *a):
        self.calls += 1
        return self.fn(*a)


@CountCalls
def square(x):
    return x * x


print(square(3), square(4), square.calls)


# Decorators on methods, with properties and class methods
def shout(fn):
    def w(self, *a):
        return fn(self, *a).upper()
    return w


class Speaker:
    @shout
    def say(self, s):
        return s

    @property
    @shout
    def name(self):
        return "speaker"

    @classmethod
    @shout
    def kind(cls):
        return cls.__name__


print(Speaker().say("quiet"), Speaker().name, Speaker.kind())

# PEP 614: arbitrary expressions as decorators
decos = {"double": lambda f: lambda x: 2 * f(x)}


@decos["double"]
def ident(x):
    return x


print(ident(21))


@(lambda f: f)
def untouched():
    return "same"


print(untouched())


# Memoisation decorator
def memo(fn):
    cache = {}

    def w(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    w.cache = cache
    return w


@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), len(fib.cache))
