"""A thread sleeps while main computes (time.sleep lets the GIL go); a
daemon thread is still running when the program ends."""
import threading
import time

order = []
lock = threading.Lock()


def sleeper():
    time.sleep(0.2)
    with lock:
        order.append("sleeper woke")


t = threading.Thread(target=sleeper)
start = time.monotonic()
t.start()
total = 0
for i in range(300000):
    total += i
with lock:
    order.append("main computed")
t.join()
print(sorted(order), total)
# The sleep did not hold up main: both finished in about the sleep's time.
print(time.monotonic() - start < 5)

# Two sleeping threads overlap.
start = time.monotonic()
ts = [threading.Thread(target=time.sleep, args=(0.3,)) for _ in range(6)]
for x in ts:
    x.start()
for x in ts:
    x.join()
print("overlapped", time.monotonic() - start < 1.5)   # 1.8 s if serial

sys_switch = __import__("sys")
print(sys_switch.getswitchinterval())
sys_switch.setswitchinterval(0.001)
print(sys_switch.getswitchinterval())
try:
    sys_switch.setswitchinterval(0)
except ValueError as e:
    print("ValueError", e)
sys_switch.setswitchinterval(0.005)

# A pure-Python busy thread does not starve main (forced switching).
stop = threading.Event()
spins = [0]


def spin():
    while not stop.is_set():
        spins[0] += 1


s = threading.Thread(target=spin)
s.start()
for _ in range(3):
    time.sleep(0.01)
stop.set()
s.join()
print("spinner stopped", spins[0] > 0)


def forever():
    while True:
        time.sleep(0.01)


d = threading.Thread(target=forever, daemon=True)
d.start()
print("daemon alive", d.is_alive(), d.daemon)

# A non-daemon thread still running at the end is waited for.
def late():
    time.sleep(0.1)
    print("late thread finished")


threading.Thread(target=late).start()
print("main done")
