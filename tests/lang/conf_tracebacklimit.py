# sys.tracebacklimit in the interpreter's own traceback printer: the last
# N entries, nothing (not even the header) for N <= 0.
import subprocess, sys
code = """if 1:
    import sys
    def f1():
        1 / 0
    def f2():
        f1()
    sys.tracebacklimit = %r
    f2()
"""
for limit in (10, 3, 2, 1, 0, -1, 1 << 1000, -1 << 1000, None, 'x', 2.5):
    p = subprocess.run([sys.executable, '-c', code % (limit,)], capture_output=True, text=True)
    print(repr(limit)[:12], p.returncode, p.stderr.splitlines())
