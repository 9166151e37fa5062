"""queue.Queue with worker threads, ThreadPoolExecutor.map, Timer, SimpleQueue."""
import queue
import threading
from concurrent.futures import ThreadPoolExecutor, as_completed

q = queue.Queue()
results = queue.Queue()


def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        results.put(item * item)
        q.task_done()


ws = [threading.Thread(target=worker, daemon=True) for _ in range(4)]
for w in ws:
    w.start()
for i in range(300):
    q.put(i)
for _ in ws:
    q.put(None)
q.join()
for w in ws:
    w.join()
out = []
while not results.empty():
    out.append(results.get())
print(len(out), sum(out) == sum(i * i for i in range(300)))

# bounded queue: producers block until consumers make room
bq = queue.Queue(maxsize=2)
got = []


def consume():
    for _ in range(50):
        got.append(bq.get())


c = threading.Thread(target=consume)
c.start()
for i in range(50):
    bq.put(i)
c.join()
print(got == list(range(50)))
try:
    queue.Queue().get(timeout=0.01)
except queue.Empty:
    print("Empty")

sq = queue.SimpleQueue()


def feeder():
    for i in range(5):
        sq.put(i)


t = threading.Thread(target=feeder)
t.start()
print([sq.get() for _ in range(5)])
t.join()

with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(lambda x: x * 3, range(20))))
    futs = [ex.submit(pow, 2, n) for n in range(10)]
    print(sorted(f.result() for f in as_completed(futs)))
    f = ex.submit(lambda: 1 / 0)
    try:
        f.result()
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)

fired = threading.Event()
tm = threading.Timer(0.02, fired.set)
tm.start()
tm.join()
print("timer fired", fired.is_set())
tm2 = threading.Timer(10, fired.clear)
tm2.start()
tm2.cancel()
tm2.join()
print("cancelled", fired.is_set())
