# _thread.interrupt_main simulates a signal only when Python handles it.
import _thread
import signal
import threading
import time

hits = []
signal.signal(signal.SIGUSR1, lambda s, f: hits.append(s))
t = threading.Thread(target=_thread.interrupt_main, args=(signal.SIGUSR1,))
t.start()
t.join()
for _ in range(100):
    if hits:
        break
    time.sleep(0.01)
print("handled", hits == [signal.SIGUSR1])
signal.signal(signal.SIGUSR2, signal.SIG_DFL)
_thread.interrupt_main(signal.SIGUSR2)      # no Python handler: nothing at all
print("still alive")
try:
    _thread.interrupt_main()
    for _ in range(100):
        time.sleep(0.01)
    print("no interrupt")
except KeyboardInterrupt:
    print("KeyboardInterrupt")
print(hasattr(_thread, "daemon_threads_allowed"))
