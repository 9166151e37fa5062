"""cProfile (_lsprof) and profile (sys.setprofile): the deterministic
columns only — call counts (total/primitive) and function names, sorted —
for the Profile API, getstats() entries, and `python -m cProfile -s
ncalls` (cProfile.main, run in this process)."""
import contextlib
import cProfile
import gc
import io
import os
import profile
import pstats
import re
import sys
import tempfile
import _lsprof


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


class Box:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v


def work():
    out = []
    for i in range(6):
        out.append(fib(i))
    boxes = [Box(i) for i in range(3)]
    total = sum(b.get() for b in boxes)
    d = dict.fromkeys("abc", 0)
    try:
        int("nope")
    except ValueError:
        pass
    return sorted(out, reverse=True), len(d), total, max(out), "-".join(map(str, out))


def label(key):
    filename, line, name = key
    name = re.sub(" at 0x[0-9a-f]+", "", name)
    if filename == "~":
        return name
    return "%s:%s" % (os.path.basename(filename), name)


def show(stats):
    rows = []
    for key, (cc, nc, tt, ct, callers) in stats.stats.items():
        rows.append((label(key), nc, cc, sorted(label(c) for c in callers)))
    for row in sorted(rows):
        print(*row)


# Kiln runs finalizers and weakref callbacks when its collector gets to
# them, in whatever code is running then; keep them out of the profiles.
gc.collect()
gc.disable()
prof = cProfile.Profile()
print(prof.runcall(work))
show(pstats.Stats(prof))

print("-- getstats")
p = _lsprof.Profiler()
p.enable()
fib(4)
p.disable()
for e in sorted(p.getstats(), key=lambda e: str(e.code)):
    name = e.code if isinstance(e.code, str) else e.code.co_name
    subs = sorted((s.code if isinstance(s.code, str) else s.code.co_name, s.callcount,
                   s.reccallcount) for s in e.calls or ())
    print(type(e).__name__, name, e.callcount, e.reccallcount, subs)
print(type(e.totaltime).__name__, e.totaltime >= e.inlinetime >= 0)
p.clear()
print(p.getstats())
p2 = _lsprof.Profiler(subcalls=False, builtins=False)
p2.enable()
len(str(fib(3)))
p2.disable()
print(sorted((e.code.co_name, e.callcount, e.calls) for e in p2.getstats()))

ticks = iter(range(0, 10**6, 10))
p3 = _lsprof.Profiler(lambda: next(ticks), 0.5)
p3.enable()
fib(2)
p3.disable()
print(sorted((str(getattr(e.code, "co_name", e.code)), e.callcount, e.totaltime)
             for e in p3.getstats()))

print("-- profile")
pr = profile.Profile()
pr.runcall(work)
show(pstats.Stats(pr))

print("-- python -m cProfile -s ncalls")
with tempfile.TemporaryDirectory() as tmp:
    script = os.path.join(tmp, "prog.py")
    with open(script, "w") as f:
        f.write("def g(n):\n    return [i * i for i in range(n)]\n\n"
                "for k in range(3):\n    g(k)\nprint(len(g(4)))\n")
    saved = sys.argv[:]
    sys.argv = ["cProfile", "-s", "ncalls", script]
    buf = io.StringIO()
    try:
        with contextlib.redirect_stdout(buf):
            cProfile.main()
    finally:
        sys.argv = saved
    lines = buf.getvalue().splitlines()
    start = next(i for i, l in enumerate(lines) if l.lstrip().startswith("ncalls"))
    print(lines[0])
    print(lines[start - 2].strip())
    rows = []
    for l in lines[start + 1:]:
        if l.strip():
            parts = l.split()
            rows.append((parts[0], " ".join(parts[5:])))
    for r in sorted(rows):
        print(*r)
gc.enable()
