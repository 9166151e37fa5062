"""time.sleep and signals (PEP 475): a handler runs and the sleep goes on;
a handler that raises ends it; _thread.interrupt_main reaches a sleeping
main thread."""
import signal, time, threading
hits = []
signal.signal(signal.SIGALRM, lambda s, f: hits.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.05)
t0 = time.monotonic(); time.sleep(0.2); print("slept through handler", hits == [signal.SIGALRM], time.monotonic() - t0 >= 0.19)
def raiser(s, f): raise TimeoutError("alarm")
signal.signal(signal.SIGALRM, raiser)
signal.setitimer(signal.ITIMER_REAL, 0.05)
t0 = time.monotonic()
try:
    time.sleep(5)
except TimeoutError as e:
    print("sleep interrupted", e, time.monotonic() - t0 < 2)
def poke():
    time.sleep(0.05)
    import _thread; _thread.interrupt_main()
threading.Thread(target=poke).start()
try:
    time.sleep(5)
except KeyboardInterrupt:
    print("interrupt_main reached the sleeping main thread")
