"""socket objects beyond I/O: subclasses of _socket.socket, pickling refused,
read-only attributes, fromfd, sendfile, makefile in raw mode, dual-stack
servers, repr of closed sockets."""
import socket, os, pickle, tempfile, io
def t(f):
    try: print('OK', repr(f()))
    except Exception as e: print(type(e).__name__, e)
a, b = socket.socketpair()
print(repr(a).split('fd=')[0], a.family, a.type)
f = socket.fromfd(a.fileno(), socket.AF_UNIX, socket.SOCK_STREAM)
print(f.family, f.type, f.fileno() != a.fileno()); f.close()
t(lambda: pickle.dumps(a))
t(lambda: pickle.dumps(socket._socket.socket()))
class My(socket._socket.socket):
    pass
m = My()
m.extra = 5
print(type(m).__name__, m.extra, m.family, repr(m).split(',')[0][:15])
m.close()
class Slot(socket.socket):
    __slots__ = ()
s = Slot()
t(lambda: setattr(s, 'x', 1))
s.close()
with tempfile.TemporaryFile() as tf:
    tf.write(b'file contents for sendfile\n' * 10); tf.seek(0)
    print(a.sendfile(tf))
print(len(b.recv(1000)))
t(lambda: a.family.__class__)
t(lambda: socket._socket.socket.family.__get__(a))
t(lambda: setattr(a, 'family', 3))
t(lambda: setattr(a, 'timeout', 3))
t(lambda: socket.close(-1))
t(lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM).getsockopt(socket.SOL_SOCKET, socket.SO_TYPE))
s = socket.socket(socket.AF_INET6)
print(s.family, s.getsockname())
s.close()
t(lambda: socket.create_server(('127.0.0.1', 0), family=socket.AF_INET, backlog=5, reuse_port=True).getsockname()[0])
t(lambda: socket.has_dualstack_ipv6())
srv = socket.create_server(('::', 0), family=socket.AF_INET6, dualstack_ipv6=True)
port = srv.getsockname()[1]
c = socket.create_connection(('127.0.0.1', port))
conn, addr = srv.accept()
print(addr[0], len(addr))
c.close(); conn.close(); srv.close()
print(socket.getaddrinfo('localhost', 80, socket.AF_INET, socket.SOCK_STREAM))
rf = a.makefile('rwb', buffering=0)
print(type(rf).__name__, rf.writable(), rf.readable(), rf.name == a.fileno(), rf.mode)
rf.write(b'raw'); print(b.recv(10)); b.send(b'xyz'); print(rf.read(3)); rf.close()
a.close(); b.close()
print(a._closed, repr(a).split(' fd')[0])
