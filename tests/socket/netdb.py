"""Look-ups that need no network: getaddrinfo / getnameinfo on numeric
addresses, services and protocols from /etc/services and /etc/protocols,
host names, interfaces; inet_* round trips and byte order."""
import socket

print(socket.getaddrinfo('127.0.0.1', 80, type=socket.SOCK_STREAM))
print(socket.getaddrinfo('127.0.0.1', 'http', socket.AF_INET, socket.SOCK_DGRAM))
print(socket.getaddrinfo('::1', 8080, socket.AF_INET6, socket.SOCK_STREAM))
# a scoped address: the scope becomes the scope_id item, not part of the host
print(socket.getaddrinfo('ff02::1de:c0:face:8d%lo', 1234, socket.AF_INET6, socket.SOCK_DGRAM))
print(socket.getaddrinfo(None, 80, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_PASSIVE))
print(socket.getaddrinfo(b'127.0.0.1', None, proto=socket.IPPROTO_UDP))
print(socket._socket.getaddrinfo(host='127.0.0.1', port=b'22', type=1))
print(socket.getaddrinfo('127.0.0.1', 80, flags=socket.AI_NUMERICHOST | socket.AI_CANONNAME,
                         type=socket.SOCK_STREAM))
try:
    socket.getaddrinfo('127.0.0.1', 'no-such-service-name', type=socket.SOCK_STREAM)
except socket.gaierror as e:
    print('gaierror', e.errno, e.strerror, e.args)

print(socket.getnameinfo(('127.0.0.1', 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(socket.getnameinfo(('127.0.0.1', 22), socket.NI_NUMERICHOST))
print(socket.getnameinfo(('::1', 80, 0, 0), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))

print(socket.getservbyname('http'), socket.getservbyname('ssh', 'tcp'), socket.getservbyport(22))
print(socket.getprotobyname('tcp'), socket.getprotobyname('udp'), socket.getprotobyname('icmp'))
for bad in (lambda: socket.getservbyname('no-such-service'),
            lambda: socket.getservbyport(65000, 'udp'),
            lambda: socket.getprotobyname('no-such-proto')):
    try:
        bad()
    except OSError as e:
        print(type(e).__name__, e)

print(socket.gethostbyname('127.0.0.1'), socket.gethostbyname(''), socket.gethostbyname('<broadcast>'))
print(socket.gethostbyname_ex('127.0.0.1'))
name = socket.gethostname()
print(type(name).__name__, len(name) > 0)
print(socket.if_nametoindex('lo'), socket.if_indextoname(1), (1, 'lo') in socket.if_nameindex())

for ip in ('0.0.0.0', '127.0.0.1', '192.168.1.254', '255.255.255.255'):
    packed = socket.inet_aton(ip)
    print(packed, socket.inet_ntoa(packed), socket.inet_pton(socket.AF_INET, ip) == packed)
print(socket.inet_aton('1'), socket.inet_aton('1.2'), socket.inet_aton('0x7f.1'))
for ip in ('::', '::1', 'fe80::1:2', '2001:db8::ff00:42:8329', '::ffff:1.2.3.4'):
    packed = socket.inet_pton(socket.AF_INET6, ip)
    print(packed.hex(), socket.inet_ntop(socket.AF_INET6, packed))
print(socket.inet_ntop(socket.AF_INET, b'\x7f\x00\x00\x01'), socket.inet_ntop(socket.AF_INET, bytearray(4)))

print(socket.htons(1), socket.ntohs(256), socket.htons(0xffff), socket.htonl(1), socket.ntohl(0x01020304))
print(socket.htonl(0xffffffff), socket.htons(True))
