# PEP 475: select/poll/epoll retry after a signal, unless its handler raises.
import select, signal, os, time
r, w = os.pipe()
hits = []
signal.signal(signal.SIGALRM, lambda s, f: hits.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.05)
print(select.select([r], [], [], 0.3), hits)
def raiser(s, f):
    raise InterruptedError("handler says stop")
signal.signal(signal.SIGALRM, raiser)
for name, call in [("select", lambda: select.select([r], [], [], 5)),
                   ("poll", lambda: (lambda p: (p.register(r), p.poll(5000)))(select.poll())),
                   ("epoll", lambda: (lambda e: (e.register(r), e.poll(5)))(select.epoll()))]:
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    t0 = time.monotonic()
    try:
        call()
        print(name, "returned")
    except InterruptedError as e:
        print(name, "raised", e, time.monotonic() - t0 < 2)
