# Keyword calls and *args / **kwargs functions bound straight into the
# callee's frame (CALL_PY_GENERAL): results and every binding error.
import sys
import traceback


def warm(f, *args, n=100):
    r = None
    for _ in range(n):
        r = f(*args)
    return r


def show(f, *args):
    try:
        r = f(*args)
        print("ok", list(r) if type(r).__name__ == "generator" else r)
    except Exception as e:
        print(type(e).__name__, e)


def target(a, b=2, *, c=3):
    return (a, b, c)


def call_kw(f):
    return f(1, b=20)


def call_kw2(f):
    return f(a=1, c=30)


def call_star(f):
    return f(1, 2, x=3)


def call_pos(f):
    return f(1)


print(warm(call_kw, target), warm(call_kw2, target), warm(call_pos, target))


def varargs(*a, **k):
    return (a, sorted(k.items()))


print(warm(call_star, varargs), warm(call_kw, varargs), warm(call_pos, varargs))


def mixed(a, /, b, *rest, c, d=4, **kw):
    return (a, b, rest, c, d, sorted(kw.items()))


def call_mixed(f):
    return f(1, 2, 3, 4, c=5, e=6)


print(warm(call_mixed, mixed))


# bound methods, staticmethods, classmethods with keywords
class C:
    def m(self, a, b=0):
        return ("m", a, b)

    @staticmethod
    def s(a, b=0):
        return ("s", a, b)

    @classmethod
    def k(cls, a, b=0):
        return ("k", cls.__name__, a, b)


obj = C()
bm = obj.m


def call_methods(o, bm):
    return (o.m(1, b=2), bm(3, b=4), o.s(5, b=6), o.k(7, b=8), C.k(9, b=10), C.s(a=11))


print(warm(call_methods, obj, bm))

# the callee changes shape under a specialised site
f = lambda a, b=2, *, c=3: (a, b, c)
print(warm(call_kw, f))


def only_a(a):
    return a


def kwonly_b(a, *, b):
    return (a, b)


def dup(b, a=0):
    return (a, b)


def gen(a, b=0):
    yield a + b


def posonly(a, b, /):
    return a


def no_args():
    return 0


for g in (only_a, kwonly_b, dup, gen, posonly, no_args):
    f.__code__ = g.__code__
    show(call_kw, f)
    show(call_kw2, f)
f.__code__ = target.__code__
f.__defaults__ = None
show(call_kw2, f)
f.__kwdefaults__ = None
show(call_kw, f)
f.__defaults__ = (7,)
f.__kwdefaults__ = {"c": 8}
show(call_kw2, f)
show(call_pos, f)


# non-function callables at a specialised site
class Callable:
    def __call__(self, a, b=0):
        return ("callable", a, b)


for g in (Callable(), dict, print.__self__.max if False else max, C.m.__get__(obj)):
    try:
        print(call_kw(g))
    except TypeError as e:
        print("TypeError", e)


# a keyword name that is not interned, keywords from a dict
def build_kw(f):
    return f(1, **{"".join(["b"]): 5})


print(warm(build_kw, target))


# tracebacks and frames through a keyword call
def fails(a, b=0):
    raise ValueError(sys._getframe(1).f_code.co_name)


def caller():
    return fails(1, b=2)


try:
    warm(caller)
except ValueError as e:
    print("ValueError", e, [(t.name, t.lineno) for t in traceback.extract_tb(e.__traceback__)])


def rec(n, step=1):
    return rec(n + step, step=step)


try:
    rec(0, step=1)
except RecursionError:
    print("RecursionError")


# an exception handler around a failing binding
def guarded():
    out = []
    for g in (target, only_a, target):
        try:
            out.append(g(1, b=2))
        except TypeError as e:
            out.append(str(e))
    return out


print(warm(guarded))


# f(*args, **kwargs): a Python callee runs inline, bound from the tuple
# and the dict
def forward(f, *args, **kwargs):
    return f(*args, **kwargs)


def kwtarget(a, b=2, /, c=3, *rest, d=4, **kw):
    kw["seen"] = True
    return (a, b, c, rest, d, sorted(kw.items()))


print(warm(lambda: forward(kwtarget, 1, 2, 3, 4, d=5, e=6)))
mine = {"d": 1, "z": 2}
print(forward(kwtarget, 0, **mine), mine)
for args, kw in (((), {}), ((1,), {"a": 1}), ((1,), {"b": 1}), ((1, 2, 3), {"c": 9}),
                 ((1,), {1: 2}), ((1,), {"c": 1, "q": 2, "d": 3})):
    try:
        print(forward(kwtarget, *args, **kw))
    except TypeError as e:
        print("TypeError", e)
for g in (target, only_a, posonly, no_args, gen, varargs):
    try:
        r = forward(g, 1, b=2)
        print(list(r) if type(r).__name__ == "generator" else r)
    except TypeError as e:
        print("TypeError", e)


class Mapping:
    def keys(self):
        return ["b", "c"]

    def __getitem__(self, k):
        return k * 2


print(target(1, **Mapping()), warm(lambda: target(*[1], **Mapping())))


def outer_kw(**kw):
    return kw


def fwd_kw(**kw):
    return outer_kw(**kw)


print(warm(fwd_kw), fwd_kw(z=1, a=2))
try:
    fwd_kw(**{"".join(["x"]): 1, "y": 2})
    print(forward(outer_kw, **{"x": 1}))
    forward(outer_kw, 1)
except TypeError as e:
    print("TypeError", e)
try:
    warm(lambda: forward(forward, forward, fails, 1, b=2), n=3)
except ValueError as e:
    print("ValueError", e, [t.name for t in traceback.extract_tb(e.__traceback__)])
try:
    forward(only_a, 1, **{"a": 1, 2: 3})
except TypeError as e:
    print("TypeError", e)


# the simple keyword binder and its fallbacks
def kwo(a, b=2, /, c=3, *, d, e=5):
    return (a, b, c, d, e)


def call_kwo(f, variant=""):
    if variant == "d":
        return f(1, d=4)
    if variant == "cd":
        return f(1, 2, c=30, d=40)
    if variant == "dc":
        return f(1, d=4, c=3, e=6)
    if variant == "b":
        return f(1, b=2, d=4)
    if variant == "a":
        return f(1, a=1, d=4)
    return f(1)


for v in ("d", "cd", "dc", "b", "a", ""):
    try:
        print(v, warm(call_kwo, kwo, v))
    except TypeError as e:
        print(v, "TypeError", e)
kwo.__kwdefaults__ = {"d": "kwdefault d", "e": 5}
print(call_kwo(kwo), call_kwo(kwo, "cd"))
kwo.__kwdefaults__ = None
try:
    call_kwo(kwo, "d")
except TypeError as e:
    print("TypeError", e)
kwo.__defaults__ = None
for v in ("d", "cd"):
    try:
        print(call_kwo(kwo, v))
    except TypeError as e:
        print(v, "TypeError", e)


class KwdefaultsKey(str):
    def __eq__(self, other):
        raise RuntimeError("eq in kwdefaults")

    __hash__ = str.__hash__


def only_kw(*, d):
    return d


only_kw.__kwdefaults__ = {KwdefaultsKey("x"): 1}
try:
    print(warm(lambda: only_kw(d=1)), only_kw())
except (TypeError, RuntimeError) as e:
    print(type(e).__name__, e)
