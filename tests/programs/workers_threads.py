"""A job pipeline with threading, queue and concurrent.futures (deterministic output)."""
import concurrent.futures
import queue
import threading


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


jobs = queue.Queue()
results = {}
lock = threading.Lock()


def worker():
    while True:
        n = jobs.get()
        if n is None:
            jobs.task_done()
            return
        value = fib(n)
        with lock:
            results[n] = value
        jobs.task_done()


threads = [threading.Thread(target=worker, name=f"w{i}") for i in range(4)]
for t in threads:
    t.start()
for n in range(30):
    jobs.put(n)
for _ in threads:
    jobs.put(None)
jobs.join()
for t in threads:
    t.join()
print(sorted(results.items())[-3:], len(results), any(t.is_alive() for t in threads))

with concurrent.futures.ThreadPoolExecutor(max_workers=3) as ex:
    print(list(ex.map(fib, range(10, 16))))
    futs = {ex.submit(pow, 2, k): k for k in range(5)}
    print(sorted(f.result() for f in concurrent.futures.as_completed(futs)))
    bad = ex.submit(int, "x")
    print(type(bad.exception()).__name__)

cond = threading.Condition()
items = []


def producer():
    for i in range(5):
        with cond:
            items.append(i)
            cond.notify()


consumed = []
p = threading.Thread(target=producer)
p.start()
while len(consumed) < 5:
    with cond:
        while not items:
            cond.wait(timeout=1)
        consumed.append(items.pop(0))
p.join()
print(consumed)

ev = threading.Event()
local = threading.local()
seen = []


def setter(tag):
    local.tag = tag
    ev.wait()
    seen.append(local.tag)


ts = [threading.Thread(target=setter, args=(t,)) for t in "xyz"]
for t in ts:
    t.start()
ev.set()
for t in ts:
    t.join()
print(sorted(seen), threading.current_thread().name, threading.active_count())
