"""_socket's integer constants and public names match python3.11's
(CAPI excepted: Kiln has no C-API capsule for _socket)."""
import _socket
import socket

for name in sorted(dir(_socket)):
    value = getattr(_socket, name)
    if name.startswith('__') or name == 'CAPI':
        continue
    if isinstance(value, int) and not isinstance(value, bool):
        print(name, value)
    else:
        print(name, type(value).__name__)

print(_socket.SocketType is _socket.socket, _socket.error is OSError)
print(_socket.timeout is TimeoutError, socket.timeout is TimeoutError)
print(_socket.gaierror.__mro__[1:3], _socket.gaierror.__module__, _socket.herror.__name__)
print(issubclass(socket.herror, OSError), _socket.has_ipv6)
print(socket.AF_INET, repr(socket.AF_INET), socket.SOCK_STREAM.name)
print(repr(socket.AddressFamily(1)), socket.SocketKind(2))
