"""Trace functions see and change f_locals (written back into the frame
after the trace function returns); f_trace / f_trace_lines /
f_trace_opcodes / f_lineno attributes; sys.gettrace; a failing tracer is
removed."""
import sys


def target():
    a = 1
    b = 2
    c = a + b
    return c


def changer(frame, event, arg):
    if frame.f_code is not target.__code__:
        return None
    if event == "line" and frame.f_lineno - frame.f_code.co_firstlineno == 3:
        print("before", sorted(frame.f_locals.items()))
        frame.f_locals["a"] = 100
    return changer


sys.settrace(changer)
print(sys.gettrace() is changer)
print("result", target())
sys.settrace(None)
print(sys.gettrace())


def lines_off(frame, event, arg):
    if frame.f_code is not target.__code__:
        return None
    if event == "call":
        frame.f_trace_lines = False
        frame.f_trace_opcodes = True
        print("flags", frame.f_trace_lines, frame.f_trace_opcodes)
    seen.add((event, frame.f_lineno - frame.f_code.co_firstlineno))
    return lines_off


seen = set()
sys.settrace(lines_off)
target()
sys.settrace(None)
print(sorted(seen))


def jumper(frame, event, arg):
    if frame.f_code is not target.__code__:
        return None
    if event in ("call", "return"):
        try:
            frame.f_lineno = frame.f_lineno + 1
        except ValueError as e:
            print("jump refused at", event, e)
    return jumper


sys.settrace(jumper)
target()
sys.settrace(None)

f = sys._getframe()
for bad in (1, None):
    try:
        f.f_trace_lines = bad
    except TypeError as e:
        print("TypeError", e)
try:
    f.f_lineno = 3
except ValueError as e:
    print("ValueError", e)
try:
    f.f_lineno = "x"
except ValueError as e:
    print("ValueError", e)
print(f.f_trace, f.f_trace_lines, f.f_trace_opcodes)


def failing(frame, event, arg):
    if event == "line" and frame.f_code is target.__code__:
        raise KeyError("tracer")
    return failing


sys.settrace(failing)
try:
    target()
except KeyError as e:
    print("KeyError from tracer", e)
print("trace after failure:", sys.gettrace())


def gen_tracer(frame, event, arg):
    if frame.f_code.co_name != "g":
        return None
    rel = frame.f_lineno - frame.f_code.co_firstlineno
    if event == "exception":
        print(event, rel, arg[0].__name__)
    else:
        print(event, rel, arg if event == "return" else "")
    return gen_tracer


def g():
    try:
        yield 1
    except ValueError:
        yield 2
    yield 3


sys.settrace(gen_tracer)
it = g()
next(it)
print(it.throw(ValueError))
it.close()
sys.settrace(None)
