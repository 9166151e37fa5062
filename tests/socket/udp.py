"""UDP on 127.0.0.1 (and ::1 when the host has IPv6 loopback)."""
import socket

rx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
rx.bind(('127.0.0.1', 0))
addr = rx.getsockname()
tx = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
print(tx.type, tx.proto)
print(tx.sendto(b'one', addr))
data, src = rx.recvfrom(100)
print(data, src[0], src[1] == tx.getsockname()[1])
print(tx.sendto(b'two', 0, addr))
buf = bytearray(8)
n, src = rx.recvfrom_into(buf)
print(n, bytes(buf[:n]), src[1] == tx.getsockname()[1])
tx.connect(addr)
print(tx.getpeername() == addr)
tx.send(b'three')
print(rx.recv(100))
tx.send(b'truncated datagram')
print(rx.recv(4))
rx.setblocking(False)
try:
    rx.recv(10)
except BlockingIOError as e:
    print('BlockingIOError', e.errno == 11)
tx.close()
rx.close()

try:
    s6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    s6.bind(('::1', 0))
except OSError:
    print('no ipv6 loopback')
else:
    r6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    r6.bind(('::1', 0, 0, 0))
    s6.sendto(b'six', r6.getsockname())
    data, src = r6.recvfrom(10)
    print(data, src[0], len(src), src[1] == s6.getsockname()[1], src[2:])
    s6.close()
    r6.close()

# broadcast and wildcard host names
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b.bind(('', 0))
print(b.getsockname()[0])
b.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
print(b.getsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST) != 0)
b.close()
