# sys.unraisablehook receives exceptions that cannot propagate, with the
# object involved and the message; a hook that fails is itself reported.
# (Deterministic sources only: a thread's uncaught exception through
# _thread, a sqlite callback; finalizer timing depends on the collector.)
import io
import re
import sqlite3
import sys
import _thread
import time

seen = []


def hook(u):
    seen.append((u.exc_type.__name__, str(u.exc_value), u.err_msg,
                 getattr(u.object, "__name__", type(u.object).__name__),
                 u.exc_traceback is not None))


def run_in_thread(func):
    done = _thread.allocate_lock()
    done.acquire()

    def body():
        try:
            func()
        finally:
            done.release()
    _thread.start_new_thread(body, ())
    done.acquire()
    time.sleep(0.05)        # the report happens after body returns


def boom():
    raise ValueError("in a thread")


sys.unraisablehook = hook
run_in_thread(boom)

con = sqlite3.connect(":memory:")
sqlite3.enable_callback_tracebacks(True)


def bad(x):
    raise KeyError(x)


con.create_function("bad", 1, bad)
try:
    con.execute("select bad(1)").fetchall()
except sqlite3.OperationalError as e:
    print("OperationalError", e)

for entry in seen:
    print(entry)


def failing_hook(u):
    raise TypeError("hook failed")


sys.unraisablehook = failing_hook
err = io.StringIO()
sys.stderr = err
run_in_thread(boom)
sys.stderr = sys.__stderr__
report = re.sub(r" at 0x[0-9a-f]+", " at ADDR", err.getvalue())
lines = report.splitlines()
print(lines[0])
print(lines[-1])
