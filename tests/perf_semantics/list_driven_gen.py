# list(), tuple(), str.join(), list.extend(), [*g] and f(*g) over an exact
# generator take its values without suspending it per value (the list
# fills while it has room; a full list gets the value back and grows).
# Results, errors, the partial results an error leaves, what the generator
# observes, tracing and profiling must be CPython's.
import sys
import traceback


def gen(n):
    for i in range(n):
        yield i


def gen_ret(n):
    yield from gen(n)
    return "done"


def stmt_yields(n):
    i = 0
    while i < n:
        yield i * 2
        i += 1


def expr_yields(n):
    got = []
    for i in range(n):
        got.append((yield i))
    yield got


# plain results across the list's growth points
for n in (0, 1, 7, 8, 9, 16, 17, 100, 1000, 5003):
    a = list(gen(n))
    assert a == list(range(n)), n
    assert tuple(gen(n)) == tuple(range(n))
    print(n, len(a), sum(a), len(list(stmt_yields(n))), list(stmt_yields(n))[-1:])
print(list(gen_ret(5)), list(expr_yields(4)))
print([sys.getsizeof(list(gen(n))) for n in (0, 1, 8, 9, 100, 1000)])

# join
print("-".join(str(i) for i in range(12)))
print("".join(c for c in "caf\u00e9 \u2603 x" * 3))
print("".join(x for x in []), repr(", ".join(x for x in ["only"])))
try:
    ", ".join(x for x in ["a", "b", 3, "d"])
except TypeError as e:
    print("TypeError", e)
log = []


def join_gen():
    for s in ["a", "b", 5, "c"]:
        log.append(s)
        yield s


try:
    "".join(join_gen())
except TypeError as e:
    print("TypeError", e, log)

# list.extend: partial results stay when the generator fails
lst = [-1]


def failing(n):
    for i in range(n):
        yield i
    raise KeyError("boom")


for n in (3, 40):
    lst = [-1]
    try:
        lst.extend(failing(n))
    except KeyError as e:
        print("KeyError", e, len(lst), lst[:4], lst[-1])

# the generator sees the list grow value by value
target = []


def watcher(n):
    for i in range(n):
        yield (i, len(target))


target.extend(watcher(30))
print(target[:3], target[-1], all(a == b for a, b in target))


# the generator mutates the list being extended
def mutator():
    yield 1
    target2.clear()
    yield 2
    target2.extend([7, 8, 9])
    yield 3
    del target2[:]
    for i in range(20):
        yield i


target2 = [0, 0, 0]
target2.extend(mutator())
print(target2)

# generator running state, already executing, StopIteration inside
running = []


def looks_at_itself():
    for i in range(5):
        running.append((me.gi_running, me.gi_suspended))
        yield i


me = looks_at_itself()
print(list(me), running[:2], me.gi_running, me.gi_frame)


def reenter():
    yield 1
    yield list(self_gen)


self_gen = reenter()
try:
    list(self_gen)
except ValueError as e:
    print("ValueError", e)


def raises_stop():
    yield 1
    raise StopIteration("x")


try:
    list(raises_stop())
except RuntimeError as e:
    print("RuntimeError", e, type(e.__cause__).__name__, e.__cause__)

# an exhausted or half-consumed generator
g = gen(5)
print(next(g), next(g), list(g), list(g), tuple(g))
g = gen(5)
g.close()
print(list(g))


def with_finally(out):
    try:
        for i in range(4):
            yield i
    finally:
        out.append("finally")


out = []
print(list(with_finally(out)), out)


# nested drivers: a driven generator that itself drives others
def outer():
    for i in range(4):
        yield list(gen(i)), sum(gen(i)), "".join(str(j) for j in gen(i)), tuple(gen(i))


print(list(outer()))
print([*gen(6)], [*gen(0)], (*gen(3),))


def takes(*args):
    return len(args), args[-1:]


print(takes(*gen(50)), takes(*gen_ret(3)))


class L(list):
    def append(self, x):
        raise AssertionError("not used by extend")


sub = L(gen(10))
sub.extend(gen(3))
print(type(sub).__name__, sub)


# tracebacks through a driven generator
def deep(n):
    yield from inner(n)


def inner(n):
    for i in range(n):
        yield 10 // (n - 1 - i)


try:
    list(deep(30))
except ZeroDivisionError:
    tb = traceback.extract_tb(sys.exc_info()[2])
    print([(f.name, f.line) for f in tb])

# tracing and profiling switched on inside the driven generator
events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("traced", "inner", "stmt_yields"):
        events.append((frame.f_code.co_name, event, arg if event == "return" else None))
    return tracer


def traced():
    yield 1
    sys.settrace(tracer)
    yield 2
    yield 3
    sys.settrace(None)
    yield 4


print(list(traced()), events)
pevents = []


def profiler(frame, event, arg):
    if frame.f_code.co_name == "profiled":
        pevents.append((event, arg))


def profiled():
    yield "a"
    sys.setprofile(profiler)
    yield "b"
    yield "c"
    sys.setprofile(None)
    yield "d"


print(list(profiled()), pevents)
sys.settrace(tracer)
events.clear()
print(list(gen(3)), list(stmt_yields(3)), len(events))
sys.settrace(None)
events.clear()
sys.settrace(tracer)
try:
    list(inner(2))
except ZeroDivisionError:
    pass
sys.settrace(None)
print(events)
