"""termios on a pty pair: attribute lists, set/get round trips, window
size, errors (termios.error carries errno), constants; tty and pty."""
import fcntl
import os
import struct
import termios
import tty

from _util import show

consts = sorted(n for n in dir(termios) if n[:1].isupper() and n != "error")
print(len(consts), sum(getattr(termios, n) for n in consts))
print([(n, getattr(termios, n)) for n in consts])
print(termios.error.__module__, termios.error.__mro__[1].__name__)
print(termios.__doc__)
print(termios.tcgetattr.__doc__)


def open_pty():
    """A pty pair through /dev/ptmx (TIOCSPTLCK / TIOCGPTN, Linux's
    values), so the test does not depend on os.openpty."""
    m = os.open("/dev/ptmx", os.O_RDWR | os.O_NOCTTY)
    fcntl.ioctl(m, 0x40045431, struct.pack("i", 0))
    n = struct.unpack("I", fcntl.ioctl(m, 0x80045430, b"\0" * 4))[0]
    return m, os.open("/dev/pts/%d" % n, os.O_RDWR | os.O_NOCTTY)


master, slave = open_pty()
attrs = termios.tcgetattr(slave)
print(len(attrs), [type(x).__name__ for x in attrs])
print(len(attrs[6]), termios.NCCS, {type(c).__name__ for c in attrs[6]})
print(attrs[4] == termios.tcgetattr(master)[4])

new = list(attrs)
new[3] &= ~termios.ECHO
new[6] = list(attrs[6])
new[6][termios.VINTR] = b"\x01"
termios.tcsetattr(slave, termios.TCSANOW, new)
got = termios.tcgetattr(slave)
print(got[3] & termios.ECHO, got[6][termios.VINTR], got[3] == new[3])
new[4] = new[5] = termios.B9600
termios.tcsetattr(slave, termios.TCSADRAIN, new)
print(termios.tcgetattr(slave)[4:6] == [termios.B9600, termios.B9600])

tty.setraw(slave)
raw = termios.tcgetattr(slave)
print(raw[3] & termios.ICANON, raw[6][termios.VMIN], raw[6][termios.VTIME])
tty.setcbreak(slave)
print(termios.tcgetattr(slave)[3] & termios.ICANON)
termios.tcsetattr(slave, termios.TCSAFLUSH, attrs)
print(termios.tcgetattr(slave)[3] == attrs[3])

print(termios.tcgetwinsize(slave))
termios.tcsetwinsize(slave, (24, 80))
print(termios.tcgetwinsize(slave), termios.tcgetwinsize(master))
termios.tcsetwinsize(master, [25, 81])
print(termios.tcgetwinsize(slave))
show(termios.tcsendbreak, slave, 0)
show(termios.tcdrain, slave)
show(termios.tcflush, slave, termios.TCIOFLUSH)
show(termios.tcflow, slave, termios.TCOON)

r, w = os.pipe()
for f, args in [
    (termios.tcgetattr, (r,)), (termios.tcgetattr, (-1,)), (termios.tcgetattr, ("x",)),
    (termios.tcgetattr, (1.5,)), (termios.tcgetwinsize, (r,)),
    (termios.tcsetattr, (slave, termios.TCSANOW, attrs[:6])),
    (termios.tcsetattr, (slave, termios.TCSANOW, tuple(attrs))),
    (termios.tcsetattr, (slave, 99, attrs)), (termios.tcsetattr, (slave, "x", attrs)),
    (termios.tcsetattr, (slave, 2**40, attrs)), (termios.tcsetattr, (slave, 0)),
    (termios.tcsetattr, (r, termios.TCSANOW, attrs)),
    (termios.tcflush, (slave, 99)), (termios.tcflush, (slave, 2**40)),
    (termios.tcflow, (slave, 99)), (termios.tcsendbreak, (slave, "x")),
    (termios.tcsetwinsize, (slave, (1, 2, 3))), (termios.tcsetwinsize, (slave, 5)),
    (termios.tcsetwinsize, (slave, ("a", 2))), (termios.tcsetwinsize, (slave, (2**40, 2))),
    (termios.tcsetwinsize, (slave, (-1, 2))), (termios.tcsetwinsize, (slave, {0: 1, 1: 2})),
]:
    try:
        f(*args)
        print("ok")
    except termios.error as e:
        print("termios.error", e.args)
    except Exception as e:
        print(type(e).__name__, e)


def bad_cc(value):
    b = list(attrs)
    b[6] = list(attrs[6])
    b[6][0] = value
    return b


for attrlist in (bad_cc("x"), bad_cc(b"xy"), bad_cc(3), [1, 2, 3, 4, 5, 6, attrs[6][:5]],
                 ["x"] + attrs[1:], attrs[:4] + [12345] + attrs[5:], [2**70] + attrs[1:]):
    try:
        termios.tcsetattr(slave, termios.TCSANOW, attrlist)
        print("ok")
    except termios.error as e:
        print("termios.error", e.args)
    except Exception as e:
        print(type(e).__name__, e)

import pty
print(pty.STDIN_FILENO, callable(pty.fork), callable(pty.openpty))
print(os.isatty(slave), termios.tcgetattr(slave)[6][termios.VEOF])
for fd in (master, slave, r, w):
    os.close(fd)
