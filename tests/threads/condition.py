"""Condition producer/consumer, Event, Semaphore, BoundedSemaphore, Barrier."""
import threading

cond = threading.Condition()
buf = []
consumed = []
DONE = object()


def producer():
    for i in range(200):
        with cond:
            buf.append(i)
            cond.notify()
    with cond:
        buf.append(DONE)
        cond.notify_all()


def consumer():
    while True:
        with cond:
            while not buf:
                cond.wait()
            item = buf[0]
            if item is DONE:
                return
            buf.pop(0)
        consumed.append(item)


cs = [threading.Thread(target=consumer) for _ in range(3)]
for c in cs:
    c.start()
p = threading.Thread(target=producer)
p.start()
p.join()
for c in cs:
    c.join()
print(len(consumed), sorted(consumed) == list(range(200)))

# wait_for with a predicate and a timeout that expires
with cond:
    print(cond.wait_for(lambda: False, timeout=0.01))

# Event
ev = threading.Event()
seen = []


def waiter(n):
    ev.wait()
    with cond:
        seen.append(n)


ws = [threading.Thread(target=waiter, args=(n,)) for n in range(4)]
for w in ws:
    w.start()
print(ev.is_set(), ev.wait(0.01))
ev.set()
for w in ws:
    w.join()
print(sorted(seen), ev.is_set())

# Semaphore: never more than 2 inside
sem = threading.Semaphore(2)
inside = [0]
peak = [0]
mu = threading.Lock()


def limited():
    for _ in range(50):
        with sem:
            with mu:
                inside[0] += 1
                peak[0] = max(peak[0], inside[0])
            with mu:
                inside[0] -= 1


ts = [threading.Thread(target=limited) for _ in range(5)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("peak <= 2:", peak[0] <= 2, inside[0])
bs = threading.BoundedSemaphore(1)
bs.acquire()
bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError", e)

# Barrier: every party passes, exactly one gets index 0
barrier = threading.Barrier(4)
idx = []


def party():
    i = barrier.wait()
    with mu:
        idx.append(i)


ts = [threading.Thread(target=party) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(idx), barrier.broken)
b2 = threading.Barrier(2, timeout=0.01)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("broken", b2.broken)
