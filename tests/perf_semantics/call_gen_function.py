# Calls of generator functions and generator expressions at warm call
# sites: arguments, cells, defaults, keywords, errors, frames, tracing,
# mixing with plain functions and coroutines at one site.
import sys
import inspect


def gen(a, b):
    yield a
    yield b


def gen_cell(a, b=5):
    def inner():
        return a + b
    yield inner()
    a = 100
    yield inner()


def gen_kw(*args, k=1, **kw):
    yield args
    yield k
    yield sorted(kw.items())


def plain(a, b):
    return (a, b)


def run_site(fns, n=400):
    out = []
    for i in range(n):
        f = fns[i % len(fns)]
        r = f(i, i + 1)
        out.append(r if isinstance(r, tuple) else list(r))
    return out[:4], out[-4:]


print(run_site([gen]))
print(run_site([gen, plain]))
print(run_site([gen_cell]))
print(sum(sum(gen_cell(i)) for i in range(300)))
print([list(gen_kw(i, i, k=i, z=1)) for i in range(300)][-1])
print([list(gen_kw()) for i in range(300)][-1])

# generator expressions with free variables, created in a loop
seen = {1, 5, 9}
tot = 0
for i in range(2000):
    tot += all(x in seen or x > i for x in (1, 5, 9, i))
    tot += sum(x * i for x in range(3))
print(tot)

# argument errors are the vectorcall's
for i in range(300):
    try:
        gen(1)
    except TypeError as e:
        err = str(e)
print(err)
for i in range(300):
    try:
        g = gen(1, 2, 3) if i > 250 else gen(1, 2)
    except TypeError as e:
        err = str(e)
print(err)
for i in range(300):
    try:
        gen_kw(1, k=2, k2=3) if i < 290 else gen_kw(1, k=2, **{"k": 3})
    except TypeError as e:
        err = str(e)
print(err)

# state, frames, names
for i in range(300):
    g = gen(i, -i)
print(inspect.getgeneratorstate(g), g.gi_frame.f_back, g.gi_frame.f_lineno,
      g.__name__, g.__qualname__, g.gi_code is gen.__code__)
print(next(g), g.send(None), next(g, "done"), inspect.getgeneratorstate(g))
for i in range(300):
    g = (x for x in range(i))
print(g.__name__, g.__qualname__, inspect.getgeneratorstate(g), sum(g))


def gen_raise(n):
    if n:
        raise ValueError("first next")
    yield 1


for i in range(300):
    g = gen_raise(i)
try:
    next(g)
except ValueError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("ValueError", e, names)
print(next(g, "exhausted"))


# __code__ swapped between a generator and a plain function
def swap(a, b):
    yield a + b


gen_code, plain_code = swap.__code__, plain.__code__
res = []
for i in range(600):
    swap.__code__ = gen_code if (i // 100) % 2 == 0 else plain_code
    r = swap(i, 1)
    res.append(r if isinstance(r, tuple) else list(r))
print(res[99], res[100], res[250], res[599])


# coroutines and async generators at a warm site stay coroutines
async def coro(a, b):
    return a + b


async def agen(a, b):
    yield a


objs = []
for i in range(400):
    f = (coro, agen, gen)[i % 3]
    o = f(i, i)
    objs.append(type(o).__name__)
    if type(o).__name__ == "coroutine":
        try:
            o.send(None)
        except StopIteration as e:
            pass
    elif type(o).__name__ == "generator":
        o.close()
print(sorted(set(objs)))


# recursion: generator creation counts as a call
def make(n):
    return make(n - 1) if n else gen(1, 2)


for i in range(300):
    make(3)
try:
    make(100000)
except RecursionError as e:
    print("RecursionError", e)
print(list(make(50)))


# tracing sees the same events as the generic call path
events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("gen", "use"):
        events.append((frame.f_code.co_name, event, frame.f_lineno))
    return tracer


def use():
    g = gen(1, 2)
    return list(g)


for i in range(300):
    use()
sys.settrace(tracer)
use()
sys.settrace(None)
print(events)

pevents = []


def prof(frame, event, arg):
    if frame.f_code.co_name in ("gen", "use"):
        pevents.append((frame.f_code.co_name, event))


sys.setprofile(prof)
use()
sys.setprofile(None)
print(pevents)
