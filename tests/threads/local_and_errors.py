"""threading.local, exceptions in threads (excepthook), thread identity."""
import _thread
import sys
import threading

loc = threading.local()
loc.x = "main"
seen = {}


def reader(n):
    seen[n] = (getattr(loc, "x", None), hasattr(loc, "y"))
    loc.x = n
    loc.y = n * 2
    seen[n] += (loc.x, loc.y, sorted(loc.__dict__))


ts = [threading.Thread(target=reader, args=(n,)) for n in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(seen.items()))
print(loc.x, hasattr(loc, "y"))


class MyLocal(threading.local):
    def __init__(self, base):
        self.base = base
        self.inits = getattr(self, "inits", 0) + 1


ml = MyLocal(10)
box = []
t = threading.Thread(target=lambda: box.append((ml.base, ml.inits)))
t.start()
t.join()
print(box, ml.base, ml.inits)
try:
    threading.local(1)
except TypeError as e:
    print("TypeError", e)

# An uncaught exception goes to threading.excepthook; the thread ends.
caught = []


def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))


old = threading.excepthook
threading.excepthook = hook


def boom():
    raise ValueError("bad value")


t = threading.Thread(target=boom, name="boomer")
t.start()
t.join()
print(caught, t.is_alive())
threading.excepthook = old

# The default hook prints on stderr (not compared); stdout goes on.
t = threading.Thread(target=boom, name="loud")
t.start()
t.join()
print("after default hook")

# SystemExit ends a thread silently
def quits():
    sys.exit(3)


t = threading.Thread(target=quits)
t.start()
t.join()
print("SystemExit silent", caught)

# _thread level: start_new_thread, get_ident differs, _count
done = threading.Event()
ids = []


def raw(a, b=0):
    ids.append((a + b, _thread.get_ident() != main_ident))
    done.set()


main_ident = _thread.get_ident()
_thread.start_new_thread(raw, (1,), {"b": 2})
done.wait()
print(ids)
for bad in ((1, ()), (print, []), (print, (), 1)):
    try:
        _thread.start_new_thread(*bad)
    except TypeError as e:
        print("TypeError", e)
print(threading.current_thread() is threading.main_thread(), threading.main_thread().name)
t = threading.Thread(target=lambda: None)
t.start()
t.join()
print(isinstance(t.ident, int), isinstance(t.native_id, int), t.ident != main_ident)
print(_thread.stack_size(), _thread.TIMEOUT_MAX)
