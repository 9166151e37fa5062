# When a signal handler runs: os.kill / signal.raise_signal /
# signal.pthread_kill to this process run it before returning; loops of
# every shape reach a safe point (while loops end in conditional jumps).
import os
import signal
import threading

events = []


def handler(signum, frame):
    events.append(("handler", signal.Signals(signum).name, frame.f_code.co_name))


signal.signal(signal.SIGUSR1, handler)

os.kill(os.getpid(), signal.SIGUSR1)
events.append("after os.kill")
signal.raise_signal(signal.SIGUSR1)
events.append("after raise_signal")
signal.pthread_kill(threading.get_ident(), signal.SIGUSR1)
events.append("after pthread_kill")


def in_function():
    os.kill(os.getpid(), signal.SIGUSR1)
    events.append("after kill in function")


in_function()
for e in events:
    print(e)


class Stop(Exception):
    pass


def stop(signum, frame):
    raise Stop(frame.f_code.co_name)


signal.signal(signal.SIGALRM, stop)


def spin_while(limit):
    x = 0
    while x < limit:          # COMPARE_OP + POP_JUMP_BACKWARD_IF_TRUE
        x += 1
    return x


def spin_while_truth(n):
    while n:                  # POP_JUMP_BACKWARD_IF_TRUE on an int
        n -= 1
    return n


def spin_while_in(s):
    x = 0
    while x not in s:         # CONTAINS_OP + POP_JUMP_BACKWARD_IF_TRUE
        x = (x + 1) % 1000
    return x


for fn, arg in ((spin_while, 10 ** 12), (spin_while_truth, 10 ** 12), (spin_while_in, {-1})):
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    try:
        fn(arg)
    except Stop as e:
        print("stopped", fn.__name__, "in", e)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)

x = 0
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    while x < 10 ** 12:
        x += 1
except Stop as e:
    print("stopped module loop in", e)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
signal.signal(signal.SIGALRM, signal.SIG_DFL)
