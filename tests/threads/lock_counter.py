"""N threads append to shared lists under a Lock; joined, the totals are exact."""
import threading

lock = threading.Lock()
counts = {}
items = []


def work(n):
    for i in range(2000):
        with lock:
            counts[n] = counts.get(n, 0) + 1
            items.append((n, i))


threads = [threading.Thread(target=work, args=(n,), name="w%d" % n) for n in range(6)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(len(items), sorted(counts.items()))
# Each thread's own items stay in order.
for n in range(6):
    mine = [i for (k, i) in items if k == n]
    assert mine == list(range(2000)), n
print("ordered per thread")
print([t.is_alive() for t in threads], threading.active_count())

# Lock API corners
l = threading.Lock()
print(l.acquire(), l.acquire(blocking=False), l.acquire(timeout=0.01), l.locked())
l.release()
print(l.locked())
try:
    l.release()
except RuntimeError as e:
    print("RuntimeError", e)
for kw in ({"timeout": -2}, {"blocking": False, "timeout": 1}):
    try:
        l.acquire(**kw)
    except ValueError as e:
        print("ValueError", e)

# RLock owned by one thread is not released by another
r = threading.RLock()
r.acquire()
r.acquire()
res = []


def other():
    res.append(r.acquire(timeout=0.01))
    try:
        r.release()
    except RuntimeError as e:
        res.append(str(e))


t = threading.Thread(target=other)
t.start()
t.join()
r.release()
r.release()
print(res)

# acquire's timeout conversions and limits
for kw in ({"timeout": 5e6}, {"timeout": 9.3e9}, {"timeout": float("nan")},
           {"timeout": "x"}, {"timeout": -1e20}):
    try:
        print(l.acquire(**kw))
        l.release()
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
import _thread
print(_thread.TIMEOUT_MAX == threading.TIMEOUT_MAX, _thread.error is RuntimeError)
