# Line numbers, tracebacks and trace/profile events around the dispatch
# loop's bookkeeping: inline Python calls (warm and cold), EXTENDED_ARG
# prefixes, cache skipping under the trace hook (CALL c_call events,
# CALL_FUNCTION_EX, SEND), class instantiation with __init__.
import sys
import traceback


def lines_of(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


def where():
    f = sys._getframe(1)
    return (f.f_code.co_name, f.f_lineno, f.f_back.f_code.co_name, f.f_back.f_lineno)


def leaf(x):
    if x == 7:
        raise ValueError("seven")
    return where()


def mid(x, y=2):
    r = leaf(x)
    return r


def top(x):
    return mid(x,
               y=3)


# Warm up so the calls are specialised and run inline.
seen = set()
for i in range(60):
    seen.add(top(i % 5))
print(sorted(seen))

for i in range(3):
    try:
        top(7)
    except ValueError as e:
        print(lines_of(e.__traceback__))


class P:
    def __init__(self, a, b=0):
        self.pos = where()
        if a < 0:
            raise KeyError(a)
        self.a = a + b


for i in range(40):
    p = P(i)
print(p.a, p.pos)
try:
    P(-1)
except KeyError as e:
    print("init", lines_of(e.__traceback__))


# A deep chain of inline calls raising at the bottom.
def deep(n):
    if n == 0:
        return 1 // n
    return deep(n - 1) + 1


for i in range(20):
    try:
        deep(5)
    except ZeroDivisionError as e:
        tb = lines_of(e.__traceback__)
print(len(tb), tb[-2:], tb[0][0])

# EXTENDED_ARG: more than 256 constants and a long jump.
src = "def big(x):\n    t = 0\n"
for k in range(300):
    src += "    t += %d\n" % (k * 1000 + 7)
src += "    if x:\n        return t\n    return where()\n"
ns = {"where": where}
exec(src, ns)
big = ns["big"]
for i in range(20):
    big(1)
print(big(1), big(0))

# Trace events: line events of a warm function, then c_call/c_return of
# builtins through the profile hook.
events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("traced", "gen", "outer"):
        events.append((frame.f_code.co_name, event, frame.f_lineno))
    return tracer


def traced(xs):
    n = len(xs)
    m = max(*xs)
    k = min(xs)
    return n + m + k


for i in range(30):
    traced([1, 2, 3])
sys.settrace(tracer)
traced([4, 5, 6])
sys.settrace(None)
print(events)

prof = []


def profiler(frame, event, arg):
    if event.startswith("c_"):
        prof.append((event, getattr(arg, "__name__", "?"), frame.f_lineno))


sys.setprofile(profiler)
traced([7, 8, 9])
sys.setprofile(None)
print(prof)


def gen():
    yield 1
    yield 2
    return 3


def outer():
    r = yield from gen()
    yield r


events.clear()
sys.settrace(tracer)
print(list(outer()))
sys.settrace(None)
print(events)

# A traceback printed from an inline callee stays exact.
def fmt():
    return traceback.format_stack(limit=2)


def caller():
    return fmt()


for i in range(20):
    s = caller()
print([line.split(",")[1:] for line in "".join(s).splitlines() if line.startswith("  File")])

# Line events through EXTENDED_ARG-prefixed instructions (warm code).
big_events = []


def big_tracer(frame, event, arg):
    if frame.f_code.co_name == "big":
        big_events.append((event, frame.f_lineno))
    return big_tracer


sys.settrace(big_tracer)
r = big(0)
sys.settrace(None)
print(len(big_events), big_events[:3], big_events[-4:], r[1])
