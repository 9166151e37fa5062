"""The stdlib trace module (built on sys.settrace): line counts of a run,
the --trace listing, the calledfuncs / callers reports; and a
coverage-style collector of executed lines."""
import contextlib
import io
import os
import sys
import trace


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def classify(xs):
    kinds = []
    for x in xs:
        if x % 3 == 0:
            kinds.append("three")
        elif x % 2 == 0:
            kinds.append("even")
        else:
            kinds.append("odd")
    return kinds


def main():
    return fib(5), classify(range(7))


base = main.__code__.co_firstlineno
tracer = trace.Trace(count=1, trace=0, countfuncs=0)
print(tracer.runfunc(main))
counts = tracer.results().counts
for (filename, line), n in sorted(counts.items()):
    if filename == __file__:
        print("line", line - base, "ran", n)

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    trace.Trace(count=0, trace=1).runfunc(classify, [1, 2, 3])
for text in buf.getvalue().splitlines():
    print(text.replace(os.path.basename(__file__), "FILE"))

# countfuncs / countcallers are left out: trace.py finds the class of a
# function through gc.get_referrers, which Kiln's collector cannot answer.

# The command line (`python -m trace --count --missing -C dir prog.py`),
# run in this process: trace.main() is what -m trace calls.
import tempfile

with tempfile.TemporaryDirectory() as tmp:
    script = os.path.join(tmp, "prog.py")
    with open(script, "w") as f:
        f.write("def f(n):\n    s = 0\n    for i in range(n):\n        s += i\n"
                "    return s\n\nprint(f(4))\nif f(2) > 5:\n    print('never')\n")
    saved = sys.argv[:], sys.path[0]
    sys.argv = ["trace", "--count", "--missing", "-C", tmp, script]
    try:
        trace.main()
    finally:
        sys.argv, sys.path[0] = saved
    with open(os.path.join(tmp, "prog.cover")) as f:
        print(f.read())


class Coverage:
    """What coverage.py's Python tracer does, in a few lines."""

    def __init__(self):
        self.lines = {}

    def tracer(self, frame, event, arg):
        if event == "line":
            name = frame.f_code.co_name
            self.lines.setdefault(name, set()).add(frame.f_lineno - frame.f_code.co_firstlineno)
        return self.tracer

    def run(self, func, *args):
        sys.settrace(self.tracer)
        try:
            return func(*args)
        finally:
            sys.settrace(None)


cov = Coverage()
cov.run(classify, [3, 4])
for name, lines in sorted(cov.lines.items()):
    print(name, sorted(lines))
