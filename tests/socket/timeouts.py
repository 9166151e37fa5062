"""Timeouts: the values settimeout / gettimeout / setblocking keep, the
default timeout, TimeoutError from an idle recv / accept, and
BlockingIOError from a non-blocking socket."""
import socket


def attempt(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, str(e))
    else:
        print('ok', repr(r))


a, b = socket.socketpair()
print(a.gettimeout(), a.timeout, a.getblocking())
for t in (0.05, 1, 0, 1e-10, 2.5, None, True):
    a.settimeout(t)
    print(repr(t), a.gettimeout(), a.getblocking())
attempt(lambda: a.settimeout(-1))
attempt(lambda: a.settimeout('1'))
attempt(lambda: a.settimeout(float('nan')))
attempt(lambda: a.settimeout(1e300))
a.setblocking(False)
print(a.gettimeout(), a.getblocking())
a.setblocking(True)
print(a.gettimeout(), a.getblocking())

a.settimeout(0.05)
try:
    a.recv(10)
except TimeoutError as e:
    print(type(e).__name__, e, e.errno, isinstance(e, socket.timeout))
b.send(b'data')
print(a.recv(10))

a.setblocking(False)
try:
    a.recv(10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno)

b.settimeout(0.05)
try:
    while True:
        b.send(b'x' * 65536)
except TimeoutError as e:
    print('send', type(e).__name__, e)
a.close()
b.close()

srv = socket.socket()
srv.bind(('127.0.0.1', 0))
srv.listen()
srv.settimeout(0.05)
attempt(srv.accept)
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(0.5)
s = socket.socket()
print(s.gettimeout(), s.getblocking())
c, _ = socket.socketpair()
print(c.gettimeout())
s.close()
c.close()
socket.setdefaulttimeout(None)
print(socket.getdefaulttimeout(), socket.socket(type=socket.SOCK_STREAM | socket.SOCK_NONBLOCK).gettimeout())
attempt(lambda: socket.setdefaulttimeout(-3))

# a timed connect to a listener that does not accept completes at once
c = socket.create_connection(srv.getsockname(), timeout=1)
print(c.gettimeout(), c.getpeername() == srv.getsockname())
c.close()
srv.close()
