# sys.settrace / sys.setprofile see the same events whether or not the
# attribute and call sites were specialised (inline __init__, keyword
# calls, f(*a, **k), class attributes) before tracing started.
import sys


class P:
    SCALE = 2

    def __init__(self, x, y=0):
        self.x = x
        self.y = y

    @staticmethod
    def st(a):
        return a

    @classmethod
    def cm(cls, a):
        return a


def kw(a, b=1, *, c=2):
    return a + b + c


def fwd(f, *args, **kwargs):
    return f(*args, **kwargs)


def work(n):
    acc = 0
    for i in range(n):
        p = P(i, y=1)
        acc += p.x + p.y + p.SCALE + P.SCALE
        acc += kw(i, b=2) + fwd(kw, 1, c=3)
        acc += P.st(1) + p.st(2) + P.cm(3) + p.cm(4)
    return acc


print(work(200))
events = []


def tracer(frame, event, arg):
    if frame.f_code.co_filename == __file__:
        events.append(("t", event, frame.f_code.co_name, frame.f_lineno))
    return tracer


def profiler(frame, event, arg):
    if event.startswith("c_"):
        events.append(("p", event, getattr(arg, "__name__", "?")))
    elif frame.f_code.co_filename == __file__:
        events.append(("p", event, frame.f_code.co_name))


sys.settrace(tracer)
r = work(2)
sys.settrace(None)
print(r, len(events))
for e in events:
    print(e)
events.clear()
sys.setprofile(profiler)
r = work(2)
sys.setprofile(None)
print(r, len(events))
for e in events:
    print(e)
print(work(50))
