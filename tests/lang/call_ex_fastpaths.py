# Calls with *args / **kwargs through the specialised forms (warm loops, so
# the quickened paths run): every shape compared with CPython, errors
# included.
from collections import OrderedDict, UserDict


def report(fn, *a, **k):
    try:
        print("ok", fn(*a, **k))
    except TypeError as e:
        print("TypeError", e)


def f(a, b, c, d):
    return (a, b, c, d)


def g(a, b=20, *, c, d=40):
    return (a, b, c, d)


def h(a, /, b, **kw):
    return (a, b, sorted(kw.items()))


def v(*args, **kwargs):
    return (args, sorted(kwargs.items()))


def po(a, b, /, c=3):
    return (a, b, c)


def warm(label, call, n=30):
    out = None
    for _ in range(n):
        try:
            r = call()
            out = ("ok", type(r).__name__ if " at 0x" in repr(r) else r)
        except Exception as e:
            out = (type(e).__name__, str(e))
    print(label, out)


class K:
    def m(self, a, b=2, **kw):
        return (a, b, sorted(kw.items()))

    @staticmethod
    def s(a, b):
        return a + b


k = K()


# Generators are not run inline but must still get the keywords.
def gen(a, b):
    yield a
    yield b


def kw(fn, d):
    return fn(**d)


def star_kw(fn, a, d):
    return fn(*a, **d)


def star2(fn, x, y):
    return fn(*x, *y)


def lead_star(fn, a, x):
    return fn(a, *x)


def star4(fn, w, x, y, z):
    return fn(*w, *x, *y, *z)


def star5(fn, v_, w, x, y, z):
    return fn(*v_, *w, *x, *y, *z)


d4 = {"a": 1, "b": 2, "c": 3, "d": 4}
# The same cases through sites that read the dict / sequences from locals
# (the quickened shapes); one site sees every callee.
n = 0
for args in [(f, d4), (f, {"d": 4, "c": 3, "b": 2, "a": 1}), (g, {"a": 1, "c": 3}),
             (g, {"a": 1}), (f, {"a": 1, "b": 2}), (f, dict(d4, e=5)), (f, {1: 2}),
             (v, {"a": 1, 2: 3}), (v, {}), (v, d4), (po, {"a": 1, "b": 2}),
             (f, OrderedDict(d4)), (f, UserDict(d4)), (f, [1, 2]), (dict, d4),
             (len, {"obj": 1}), ("{a}-{b}".format, d4), (f, None), (k.m, {"a": 1, "z": 9}),
             (K.s, {"a": 1, "b": 2}), (K, {}), (gen, {"a": 1, "b": 2})]:
    warm("kw %d" % n, lambda: kw(*args))
    n += 1
for args in [(f, (1, 2), {"c": 3, "d": 4}), (f, (1,), d4), (h, (1,), {"a": 5, "b": 2}),
             (f, [1, 2], {"c": 3, "d": 4}), (f, iter([1, 2]), {"c": 3, "d": 4}),
             (v, (), {"x": 1}), (f, 5, {})]:
    warm("star_kw %d" % n, lambda: star_kw(*args))
    n += 1
for args in [(f, (1, 2), (3, 4)), (f, [1, 2], [3, 4]), (f, (1, 2), [3]), (f, (1, 2), [3, 4, 5]),
             (f, (), (1, 2, 3, 4)), (g, (1,), ()), (v, (1, 2), [3]), (po, (1,), (2,)),
             (f, (i for i in range(2)), (3, 4)), (f, (1, 2), {3: 0, 4: 0}), (f, (1, 2), "ab"),
             (f, (1, 2), 5), (f, None, (1,)), (max, (1, 5), [3]), (k.m, (1,), [2]),
             (f, tuple(range(40)), ()), (v, tuple(range(20)), tuple(range(20)))]:
    warm("star2 %d" % n, lambda: star2(*args))
    n += 1
for args in [(f, 1, (2, 3, 4)), (po, 1, [2]), (g, 1, ()), (f, 1, 2), (v, 1, range(3))]:
    warm("lead_star %d" % n, lambda: lead_star(*args))
    n += 1
for args in [(f, (1,), (2,), (3,), (4,)), (v, (), [], (), [1]), (f, (1,), (2,), (3,), ())]:
    warm("star4 %d" % n, lambda: star4(*args))
    n += 1
warm("star5", lambda: star5(f, (1,), (2,), (), (3,), (4,)))
warm("plain", lambda: f(**d4))
warm("reordered", lambda: f(**{"d": 4, "c": 3, "b": 2, "a": 1}))
warm("with star", lambda: f(*(1, 2), **{"c": 3, "d": 4}))
warm("defaults", lambda: g(**{"a": 1, "c": 3}))
warm("kwonly missing", lambda: g(**{"a": 1}))
warm("missing", lambda: f(**{"a": 1, "b": 2}))
warm("unexpected", lambda: f(**{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}))
warm("twice", lambda: f(1, **{"a": 1, "b": 2, "c": 3, "d": 4}))
warm("nonstr key", lambda: f(**{1: 2}))
warm("nonstr key 2", lambda: v(**{"a": 1, 2: 3}))
warm("empty", lambda: v(**{}))
warm("varkw", lambda: v(1, **d4))
warm("posonly kw", lambda: po(**{"a": 1, "b": 2}))
warm("posonly into kw", lambda: h(1, **{"a": 5, "b": 2}))
warm("ordered", lambda: f(**OrderedDict(d4)))
warm("userdict", lambda: f(**UserDict(d4)))
warm("dup merge", lambda: f(**{"a": 1}, **{"a": 2}))
warm("not mapping", lambda: f(**[1, 2]))
warm("builtin", lambda: dict(**d4))
warm("builtin bad", lambda: len(**{"obj": 1}))
warm("bound method", lambda: "{a}-{b}".format(**d4))


warm("method", lambda: k.m(**{"a": 1, "z": 9}))
warm("static", lambda: K.s(**{"a": 1, "b": 2}))


class S(str):
    pass


warm("str subclass key", lambda: f(**{S("a"): 1, "b": 2, "c": 3, "d": 4}))
warm("equal key", lambda: f(**{"".join(["a"]): 1, "b": 2, "c": 3, "d": 4}))


# The caller's dict is not handed over: the callee's **kwargs is new and
# mutating it does not touch the caller's.
def grab(**kw):
    kw["x"] = 1
    return kw


src = {"a": 1}
for _ in range(30):
    r = grab(**src)
print(src, r, r is src)


# A local that is unbound at the call.
def unbound():
    if False:
        kwargs = {}
    return f(**kwargs)


warm("unbound", unbound)


# A callee that changes between calls at one site: Python, builtin, class.
def poly(fn, kw):
    return fn(**kw)


for fn, kwd in [(f, d4), (dict, d4), (v, d4), (g, {"a": 1, "c": 2}), (K, {})] * 10:
    r = poly(fn, kwd)
print(type(r).__name__)
report(poly, f, {"a": 1})
report(poly, K, {"a": 1})


warm("generator", lambda: list(gen(**{"a": 1, "b": 2})))


# Recursion through f(**kw) still raises RecursionError.
def rec(n):
    return rec(**{"n": n + 1})


try:
    rec(0)
except RecursionError:
    print("RecursionError")


# Traceback line of an error raised inside the callee and at the call.
import traceback


def inner(a, b):
    return a / b


def outer(kw):
    return inner(
        **kw)


for _ in range(20):
    outer({"a": 1, "b": 1})
try:
    outer({"a": 1, "b": 0})
except ZeroDivisionError as e:
    print([fs.lineno - outer.__code__.co_firstlineno for fs in traceback.extract_tb(e.__traceback__)][1:])
try:
    outer({"a": 1, "c": 0})
except TypeError as e:
    print(e, [fs.lineno - outer.__code__.co_firstlineno for fs in traceback.extract_tb(e.__traceback__)][1:])


# Inside try/except: the handler still catches binding errors.
def caught(kw):
    try:
        return f(**kw)
    except TypeError as e:
        return "caught: %s" % e


for _ in range(20):
    caught(d4)
print(caught({"q": 1}))

# Star-args with non-sequence iterables, generators, non-iterables.
warm("star gen", lambda: f(*(i for i in range(4))))
warm("star iter", lambda: f(*iter([1, 2]), *{3: 0, 4: 0}))
warm("star set", lambda: len(f(*{1, 2}, *"ab")))
warm("star short", lambda: f(*(1, 2), *[3]))
warm("star long", lambda: f(*(1, 2), *[3, 4, 5]))
warm("star not iterable", lambda: f(*1))
warm("star not iterable 2", lambda: f(*(1, 2), *None))
warm("star and kw", lambda: g(*[1], *(2,), c=3))
warm("star varargs", lambda: v(*(1, 2), *[3], x=1))
warm("star builtin", lambda: max(*(1, 5), *[3]))
warm("star method", lambda: k.m(*(1,), *[2], z=3))
warm("star posonly", lambda: po(*(1,), *(2,)))
warm("star posonly kw", lambda: po(*(1,), b=2))

# Tracing over quickened sites: the callee's call / return events and the
# caller's lines as CPython reports them.
import sys

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("kw", "star2", "lead_star", "f", "g"):
        events.append((frame.f_code.co_name, event, frame.f_lineno - frame.f_code.co_firstlineno))
    return tracer


sys.settrace(tracer)
kw(f, d4)
star2(f, (1, 2), [3, 4])
lead_star(f, 1, (2, 3, 4))
try:
    star2(f, (1,), ())
except TypeError as e:
    events.append(str(e))
sys.settrace(None)
print(events)


# Traceback positions of binding errors at the quickened sites.
def tb_lines(fn, *a):
    try:
        fn(*a)
    except TypeError as e:
        tb = traceback.extract_tb(e.__traceback__)[-1]
        return (tb.name, tb.lineno - fn.__code__.co_firstlineno, tb.colno, tb.end_colno)


print(tb_lines(star2, f, (1,), [2]), tb_lines(kw, f, {"z": 1}), tb_lines(lead_star, f, 1, ()))


# **kwargs dicts: sized for the keywords given, then grown, shrunk and
# reordered like any dict; keys equal to but not the interned names.
def collect(a=0, *args, **kw):
    return kw


for _ in range(20):
    k1 = collect(x=1)
    k8 = collect(1, 2, p=1, q=2, r=3, s=4, t=5, u=6, v=7, w=8)
    kd = collect(**{"a": 1, "m": 2, "n": 3})
    ks = collect(**{"".join(["a", "b"]): 1, S("cd"): 2})
k1["y"] = 2
k1.update(z=3, w=4, v=5, u=6, t=7)
del k1["x"]
k1["x"] = 0
print(k1, list(k1), len(k1), k1 == dict(y=2, z=3, w=4, v=5, u=6, t=7, x=0))
k8.pop("p")
k8["p"] = 9
print(k8, sorted(k8), kd, ks, [type(k).__name__ for k in ks])
print(collect(b=1, **{"c": 2}), collect(**{"b": 1}, c=2))
try:
    collect(b=1, **{"b": 2})
except TypeError as e:
    print(e)
