# A generator driven by list()/sum()/any()/all()/min()/max() that
# delegates with `yield from` to other generators: the values are taken
# where the innermost generator yields them.  What every level of the
# chain sees (its state, its frame, sent values, return values, errors,
# where it is left suspended) and what tracing reports must be CPython's.
import sys
import traceback


def leaf(items):
    for x in items:
        yield x


def mid(items):
    yield "mid-start"
    r = yield from leaf(items)
    yield ("leaf returned", r)


def ret_leaf(n):
    for i in range(n):
        got = yield i
        assert got is None
    return n * 10


def chain(n):
    total = yield from ret_leaf(n)
    yield total
    yield from leaf(["a", "b"])
    yield from [1, 2]
    for x in leaf([3, 4]):
        yield x
    yield from iter((5, 6))


def deep(level, items):
    if level == 0:
        yield from leaf(items)
    else:
        yield level
        yield from deep(level - 1, items)
        yield -level


print(list(mid(range(5))))
print(list(chain(4)), tuple(chain(0)))
print(list(deep(5, "xyz")))
print(len(list(deep(40, range(1000)))), sum(deep(30, range(100))))
print("".join(str(x) for x in deep(3, "ab")))

# sum: a type change deep in the chain is given back and added boxed
print(sum(deep(4, [1, 2, 3, 2.5, 1])), sum(leaf([1, 2]), 0.5))
try:
    sum(deep(2, [1, 2, "x", 3]))
except TypeError as e:
    print("TypeError", e)
print(sum(deep(3, [2 ** 62, 2 ** 62, 2 ** 62])))

# min/max with mixed families from the inner level
print(min(deep(2, [5, 3.5, 7, -1])), max(deep(2, [True, 2, 1.5])))


# any/all stop at the deciding item and leave every level suspended there
def marked(name, items, log):
    for i, x in enumerate(items):
        log.append((name, i))
        yield x


def outer2(log):
    yield 0
    yield from marked("inner", [0, 0, "", 5, 0, 6], log)
    log.append("outer after")
    yield 7


log = []
g = outer2(log)
print(any(g), log, g.gi_running, g.gi_yieldfrom.gi_frame.f_locals["i"])
print(next(g), list(g), log)
log = []
g = outer2(log)
print(all(g), log)
print(all(x > -1 for x in deep(2, [1, 2])), any(deep(3, [0, 0.0, None, (), [], {}])))

# state of every level while the innermost runs
states = []


def observer():
    for i in range(3):
        states.append((g1.gi_running, g2.gi_running, g3.gi_running,
                       g2.gi_yieldfrom is g3, g1.gi_yieldfrom is g2,
                       [f.f_code.co_name for f in frames(sys._getframe())]))
        yield i


def frames(f):
    out = []
    while f is not None and len(out) < 5:
        out.append(f)
        f = f.f_back
    return out


def level2():
    yield from g3


def level1():
    yield from g2


g3 = observer()
g2 = level2()
g1 = level1()
print(list(g1), states[0], states[-1])

# errors inside the chain: caught by a middle level, which goes on
def fails(n):
    for i in range(n):
        yield i
    raise ValueError("inner failed")


def catcher():
    try:
        yield from fails(3)
    except ValueError as e:
        yield "caught " + str(e)
    yield from leaf([9])


print(list(catcher()), list(deep(2, catcher())))
try:
    list(deep(3, fails(2)))
except ValueError:
    tb = traceback.extract_tb(sys.exc_info()[2])
    print([(f.name, f.line) for f in tb])


def stops():
    yield 1
    raise StopIteration


def via():
    yield from stops()


try:
    list(via())
except RuntimeError as e:
    print("RuntimeError", e)


# the chain re-entered from inside
def reent():
    yield 1
    yield list(top_gen)


def top():
    yield from reent()


top_gen = top()
try:
    list(top_gen)
except ValueError as e:
    print("ValueError", e)

# list growth points: values given back deep in the chain
for n in (7, 8, 9, 100, 1234):
    a = list(deep(3, range(n)))
    print(n, len(a), a[:4], a[-4:])

# tracing switched on inside the innermost generator
events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("tin", "tmid"):
        events.append((frame.f_code.co_name, event, arg if event in ("return", "exception") else None))
    return tracer


def tin():
    yield 1
    sys.settrace(tracer)
    yield 2
    yield 3
    sys.settrace(None)
    yield 4


def tmid():
    yield "m"
    yield from tin()
    yield "n"


print(list(tmid()))
for e in events:
    print(e)
events.clear()
sys.settrace(tracer)
print(list(tmid()))
sys.settrace(None)
print(len(events), events[:6])


# close / throw after partial consumption through any()
def closable(log):
    try:
        yield from marked("c", [0, 0, 1, 0], log)
    finally:
        log.append("finally")


log = []
g = closable(log)
print(any(g), log)
g.close()
print(log, g.gi_frame)
log = []
g = closable(log)
print(any(g))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("KeyError", e, log)
