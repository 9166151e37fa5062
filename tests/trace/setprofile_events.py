"""sys.setprofile: call/return/c_call/c_return/c_exception events, with the
built-in's name for c_* events; sys.getprofile; a profiler removed by its
own exception."""
import sys

events = []


def prof(frame, event, arg):
    co = frame.f_code
    if co.co_filename != __file__:
        return
    if event.startswith("c_"):
        events.append((event, co.co_name, arg.__name__))
    elif event == "return":
        events.append((event, co.co_name, frame.f_lineno - co.co_firstlineno, repr(arg)))
    else:
        events.append((event, co.co_name, frame.f_lineno - co.co_firstlineno))


def helper(x):
    return len([x]) + abs(-x)


def gen():
    yield 1
    yield 2


def work():
    lst = []
    lst.append(helper(3))
    lst.extend(gen())
    d = {}
    d.get("a", 0)
    try:
        int("x")
    except ValueError:
        pass
    sorted(lst, key=abs)
    print("printing", end="\n")
    max([0], **dict(key=int))
    args = (1, 2)
    max(*args)
    lst.append(*[7])
    list.append(lst, *[8])
    return sum(lst)


sys.setprofile(prof)
print(sys.getprofile() is prof)
work()
sys.setprofile(None)
print(sys.getprofile())
for e in events:
    print(*e)


def bad(frame, event, arg):
    raise RuntimeError("profiler failed on " + event)


def victim():
    return 1


sys.setprofile(bad)
try:
    victim()
except RuntimeError as e:
    print("raised:", e)
print("profile after failure:", sys.getprofile())
