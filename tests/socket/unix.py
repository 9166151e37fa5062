"""AF_UNIX: stream and datagram sockets on paths in a temporary folder,
the Linux abstract namespace, descriptor passing with sendmsg / recvmsg
(socket.send_fds / recv_fds, as multiprocessing does)."""
import array
import os
import socket
import tempfile

d = tempfile.mkdtemp()
path = os.path.join(d, 'srv.sock')
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(path)
srv.listen(1)
print(srv.getsockname() == path, os.path.exists(path))
c = socket.socket(socket.AF_UNIX)
c.connect(path)
conn, addr = srv.accept()
print(repr(addr), c.getpeername() == path)
c.sendall(b'over unix')
print(conn.recv(100))

# bytes paths, and names that are not UTF-8
bpath = os.fsencode(os.path.join(d, 'b\udcff.sock'))
u = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
u.bind(bpath)
print(repr(u.getsockname()[-7:]))
u.close()

# datagrams
p1, p2 = os.path.join(d, 'd1'), os.path.join(d, 'd2')
d1 = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
d2 = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
d1.bind(p1)
d2.bind(p2)
d1.sendto(b'dgram', p2)
data, src = d2.recvfrom(100)
print(data, src == p1)
d1.close()
d2.close()

# abstract namespace
name = b'\0kiln-socket-test-%d' % os.getpid()
ab = socket.socket(socket.AF_UNIX)
ab.bind(name)
print(ab.getsockname() == name)
ab.close()

# an empty name: Linux picks an abstract one (NUL + 5 hex digits)
auto = socket.socket(socket.AF_UNIX)
auto.bind('')
name = auto.getsockname()
print(type(name).__name__, len(name), name[:1])
auto.close()

try:
    socket.socket(socket.AF_UNIX).bind('x' * 200)
except OSError as e:
    print(type(e).__name__, e)

# descriptors over the connection
r, w = os.pipe()
print(socket.send_fds(c, [b'fds'], [r, w]))
msg, fds, flags, addr = socket.recv_fds(conn, 100, 2)
print(msg, len(fds), flags, addr)
os.write(fds[1], b'through passed fd')
print(os.read(r, 100))
for fd in fds + [r, w]:
    os.close(fd)

# recvmsg with ancillary data, recvmsg_into
a, b = socket.socketpair()
fds = array.array('i', [0])
a.sendmsg([b'ab', b'cd'], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, fds)])
msg, anc, flags, addr = b.recvmsg(10, socket.CMSG_SPACE(4))
print(msg, [(lvl, typ, len(data)) for lvl, typ, data in anc], flags, addr)
os.close(array.array('i', anc[0][2])[0])
a.sendmsg([b'hello world'])
b1, b2 = bytearray(5), bytearray(10)
print(b.recvmsg_into([b1, b2]), b1, b2)
print(socket.CMSG_LEN(4), socket.CMSG_SPACE(4), socket.CMSG_SPACE(0))
a.close()
b.close()

for s in (c, conn, srv):
    s.close()
os.unlink(path)
for p in (p1, p2, bpath):
    os.unlink(p)
os.rmdir(d)
print('done')
