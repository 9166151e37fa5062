"""faulthandler: dump_traceback (to a file, one or all threads, non-ASCII
names escaped), fatal signals in a forked child (SIGSEGV, SIGABRT,
SIGFPE, reading NULL), register/unregister of a user signal,
dump_traceback_later's watchdog, and the argument errors.  Thread ids
are replaced by THREAD."""
import faulthandler
import os
import re
import signal
import sys
import tempfile
import time


def clean(text):
    return re.sub(r"0x[0-9a-f]{16}", "THREAD", text.replace(__file__, "FILE"))


def captured(action):
    with tempfile.TemporaryFile("w+") as f:
        action(f)
        f.seek(0)
        return clean(f.read())


def outer(f, all_threads):
    return inner(f, all_threads)


def inner(f, all_threads):
    faulthandler.dump_traceback(f, all_threads=all_threads)


def fé(f):
    faulthandler.dump_traceback(f.fileno(), False)


print(captured(lambda f: outer(f, False)))
print(captured(lambda f: outer(f, True)))
print(captured(fé))


def crash_child(how):
    with tempfile.TemporaryFile("w+") as f:
        pid = os.fork()
        if pid == 0:
            faulthandler.enable(f, all_threads=(how != "_sigfpe"))
            getattr(faulthandler, how)()
            os._exit(0)
        _, status = os.waitpid(pid, 0)
        f.seek(0)
        print(how, "signal", os.WTERMSIG(status) if os.WIFSIGNALED(status) else None)
        print(clean(f.read()))


for how in ("_sigsegv", "_sigabrt", "_sigfpe", "_read_null"):
    crash_child(how)

print(faulthandler.is_enabled())
faulthandler.enable()
print(faulthandler.is_enabled(), faulthandler.disable(), faulthandler.disable())


def user_signal(f):
    faulthandler.register(signal.SIGUSR1, f, all_threads=False)
    os.kill(os.getpid(), signal.SIGUSR1)
    print("unregister:", faulthandler.unregister(signal.SIGUSR1),
          faulthandler.unregister(signal.SIGUSR1))


print(captured(user_signal))


def sleeper(f):
    faulthandler.dump_traceback_later(0.05, file=f)
    time.sleep(0.5)
    faulthandler.cancel_dump_traceback_later()
    faulthandler.dump_traceback_later(30, repeat=True, file=f)
    faulthandler.cancel_dump_traceback_later()


print(captured(sleeper))

for call in (lambda: faulthandler.register(signal.SIGSEGV),
             lambda: faulthandler.register(10000),
             lambda: faulthandler.unregister(0),
             lambda: faulthandler.dump_traceback_later(0),
             lambda: faulthandler.dump_traceback_later(-1.5),
             lambda: faulthandler.dump_traceback(-1),
             lambda: faulthandler.dump_traceback(object()),
             lambda: faulthandler.enable(file=3.5)):
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
