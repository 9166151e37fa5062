# PEP 475 in os: os.read on an empty pipe is retried after a signal whose
# handler returns, and ends with the handler's exception when it raises.
import os, signal, time
r, w = os.pipe()
hits = []
def later():
    signal.setitimer(signal.ITIMER_REAL, 0.05)
signal.signal(signal.SIGALRM, lambda s, f: (hits.append(s), os.write(w, b"x")))
later()
print(os.read(r, 10), hits)
def raiser(s, f):
    raise InterruptedError("stop reading")
signal.signal(signal.SIGALRM, raiser)
later()
t0 = time.monotonic()
try:
    os.read(r, 10)
except InterruptedError as e:
    print("raised", e, time.monotonic() - t0 < 2)
signal.signal(signal.SIGALRM, lambda s, f: None)
later()
print(os.waitpid(-1, os.WNOHANG) if False else "skip", os.write(w, b"yz"), os.read(r, 5))
