"""TCP over socketpair and over 127.0.0.1 with an ephemeral port, in one
thread: the server side is driven with select / non-blocking calls."""
import select
import socket


def show(label, value):
    print(label, repr(value))


# --- socketpair (AF_UNIX stream)
a, b = socket.socketpair()
show('pair family', (a.family, a.type, a.proto))
show('send', a.send(b'hello'))
show('recv', b.recv(100))
a.sendall(b'abc' * 1000)
got = b''
while len(got) < 3000:
    got += b.recv(4096)
show('sendall/recv', (len(got), got[:6]))
buf = bytearray(10)
a.send(b'0123456789abc')
show('recv_into', (b.recv_into(buf, 4), bytes(buf)))
show('recv_into rest', (b.recv_into(buf), bytes(buf)))
show('recvfrom', (a.send(b'q'), b.recvfrom(10)))
a.shutdown(socket.SHUT_WR)
show('eof', b.recv(10))
show('names', (a.getsockname(), b.getpeername()))
a.close()
b.close()
show('closed fileno', a.fileno())
print(repr(a))

# --- 127.0.0.1, ephemeral port
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
show('reuseaddr', srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(('127.0.0.1', 0))
srv.listen()
host, port = srv.getsockname()
show('bound host', host)
show('port ok', 0 < port < 65536)

cli = socket.socket()
cli.setblocking(False)
show('connect_ex', cli.connect_ex(('127.0.0.1', port)) in (0, 115))
r, w, _ = select.select([srv], [], [], 5)
show('listener readable', r == [srv])
conn, peer = srv.accept()
show('accepted', (type(conn).__name__, peer[0], peer[1] == cli.getsockname()[1]))
_, w, _ = select.select([], [cli], [], 5)
show('client writable', w == [cli])
show('peername', cli.getpeername() == ('127.0.0.1', port))
cli.setblocking(True)
show('blocking', (cli.getblocking(), cli.gettimeout()))
cli.sendall(b'ping\n')
show('server got', conn.recv(10))
conn.sendall(b'pong\n')
show('client got', cli.recv(10))
show('nodelay', cli.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1))
show('nodelay get', cli.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
show('SO_TYPE bytes', len(cli.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE, 4)))
show('SO_ERROR', cli.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR))

# a socket made from a descriptor learns its family and type
dup = socket.socket(fileno=socket.dup(conn.fileno()))
show('from fileno', (dup.family, dup.type, dup.proto, dup.getsockname() == conn.getsockname()))
dup.close()
d2 = conn.dup()
show('dup', (type(d2).__name__, d2.family == conn.family, d2.fileno() != conn.fileno()))
d2.close()

# makefile: lines both ways
fw = cli.makefile('w', encoding='ascii', newline='\n')
fr = conn.makefile('r', encoding='ascii', newline='\n')
fw.write('line one\nline two\n')
fw.flush()
show('readline', fr.readline())
show('readline', fr.readline())
fw.close()
fr.close()
rb = conn.makefile('rb')
cli.sendall(b'bin\nrest')
cli.shutdown(socket.SHUT_WR)
show('binary lines', rb.readlines())
rb.close()

with cli, conn, srv:
    pass
show('all closed', [s.fileno() for s in (cli, conn, srv)])

# create_server / create_connection
with socket.create_server(('127.0.0.1', 0)) as server:
    port = server.getsockname()[1]
    with socket.create_connection(('127.0.0.1', port), timeout=5) as c:
        s, _ = server.accept()
        with s:
            show('timeout', c.gettimeout())
            c.sendall(b'via create_connection')
            show('got', s.recv(100))
            s.sendall(b'back')
            show('got', c.recv(100))

# detach leaves the descriptor open
x = socket.socket()
fd = x.detach()
show('detached', (x.fileno(), fd >= 0))
y = socket.socket(fileno=fd)
show('adopted', (y.family, y.type))
y.close()
