# sys.unraisablehook receives exceptions that cannot propagate (__del__,
# weakref callbacks), with the object involved.
import gc
import io
import re
import sys
import weakref

seen = []


def hook(u):
    seen.append((u.exc_type.__name__, str(u.exc_value), u.err_msg,
                 type(u.object).__name__, u.exc_traceback is not None))


sys.unraisablehook = hook


class Noisy:
    def __del__(self):
        raise ValueError("from __del__")


class Target:
    pass


def cb(ref):
    raise RuntimeError("callback")


def make_noisy():
    Noisy()


refs = []


def make_target():
    t = Target()
    refs.append(weakref.ref(t, cb))


def collect():
    for _ in range(3):
        gc.collect()


make_noisy()
make_target()
collect()

for entry in sorted(set(seen)):
    print(entry)


def failing_hook(u):
    raise TypeError("hook failed")


def make_garbage():
    Noisy()


sys.unraisablehook = failing_hook
err = io.StringIO()
sys.stderr = err
make_garbage()
collect()
sys.stderr = sys.__stderr__
report = re.sub(r" at 0x[0-9a-f]+", " at ADDR", err.getvalue())
lines = report.splitlines()
print(lines[0])
print(lines[-1])
print(len([l for l in lines if l.startswith("Exception ignored")]) >= 1)
