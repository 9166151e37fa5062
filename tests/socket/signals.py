"""Blocking calls interrupted by a signal (PEP 475): the handler runs and
the call is retried; an exception raised by the handler propagates out of
the call instead."""
import signal
import socket

a, b = socket.socketpair()
log = []


def feed(signum, frame):
    log.append('handler')
    b.send(b'sent by the handler')


signal.signal(signal.SIGALRM, feed)
signal.setitimer(signal.ITIMER_REAL, 0.05)
print(a.recv(100), log)


class Stop(Exception):
    pass


def stop(signum, frame):
    raise Stop('from handler')


signal.signal(signal.SIGALRM, stop)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    a.recv(100)
except Stop as e:
    print('Stop', e)

# with a timeout the wait is in poll(): same behaviour
a.settimeout(5)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    a.recv(100)
except Stop as e:
    print('Stop', e)

srv = socket.socket()
srv.bind(('127.0.0.1', 0))
srv.listen()
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    srv.accept()
except Stop as e:
    print('accept Stop', e)
signal.signal(signal.SIGALRM, signal.SIG_DFL)
for s in (a, b, srv):
    s.close()
