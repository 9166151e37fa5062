"""Signals: handlers run in the main thread only; a blocking lock acquire in
the main thread is interrupted by a handler that raises."""
import signal
import threading
import time

ran_in = []


def handler(signum, frame):
    ran_in.append(threading.current_thread().name)
    raise KeyError("from handler")


signal.signal(signal.SIGALRM, handler)
lock = threading.Lock()
lock.acquire()
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    lock.acquire()
    print("not interrupted")
except KeyError as e:
    print("interrupted:", e, ran_in)

# A signal arriving while a worker runs Python still reaches the main thread.
ran_in.clear()
hits = []
signal.signal(signal.SIGALRM, lambda s, f: hits.append(threading.current_thread().name))
stop = threading.Event()


def busy():
    n = 0
    while not stop.is_set():
        n += 1


t = threading.Thread(target=busy, name="busy")
t.start()
signal.setitimer(signal.ITIMER_REAL, 0.02)
deadline = time.monotonic() + 5
while not hits and time.monotonic() < deadline:
    time.sleep(0.005)
stop.set()
t.join()
print(hits)


def try_signal():
    try:
        signal.signal(signal.SIGUSR1, signal.SIG_IGN)
        print("set from a thread")
    except ValueError as e:
        print("ValueError", e)


t = threading.Thread(target=try_signal)
t.start()
t.join()
