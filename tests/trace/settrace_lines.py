"""sys.settrace: call/line/return/exception events over common shapes,
printed as (event, function, line relative to the function's def line)."""
import sys

events = []


def tracer(frame, event, arg):
    co = frame.f_code
    if co.co_filename != __file__:
        return None
    rel = frame.f_lineno - co.co_firstlineno
    if event == "exception":
        events.append((event, co.co_name, rel, arg[0].__name__))
    elif event == "return":
        events.append((event, co.co_name, rel, repr(arg)))
    else:
        events.append((event, co.co_name, rel))
    return tracer


def loop(n):
    total = 0
    for i in range(n):
        if i % 2:
            total += i
        else:
            total -= 1
    while n > 0:
        n -= 1
    return total


def one_liner(x): return x + 1


def tryexcept(x):
    try:
        y = 1 / x
    except ZeroDivisionError as e:
        y = -1
    finally:
        z = 2
    return y, z


def raiser():
    raise ValueError("boom")


def catcher():
    try:
        raiser()
    except ValueError:
        return "caught"


def gen(n):
    for i in range(n):
        yield i * 2
    return "done"


def use_gen():
    out = []
    for v in gen(3):
        out.append(v)
    return out


def comps(xs):
    a = [x * 2 for x in xs]
    b = {x: x for x in xs if x}
    c = sum(x for x in xs)
    return a, b, c


class CM:
    def __repr__(self):
        return "CM()"

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def with_stmt():
    with CM() as c:
        x = 1
    return x


def decorated_target():
    return 5


def deco(f):
    return f


@deco
def decorated(
        a,
        b=2):
    return a + b


def multiline_call():
    r = max(1,
            2,
            3)
    return r


def nested():
    def inner(v):
        return v * 3
    return inner(2)


def lambdas():
    f = lambda q: q + 1
    return f(1)


def early(x):
    if x:
        return 1
    return 2


def run_all():
    loop(4)
    one_liner(1)
    tryexcept(0)
    tryexcept(2)
    catcher()
    use_gen()
    comps([0, 1, 2])
    with_stmt()
    decorated(1)
    multiline_call()
    nested()
    lambdas()
    early(0)
    early(1)


sys.settrace(tracer)
run_all()
sys.settrace(None)
for e in events:
    print(*e)
print(len(events), "events")
