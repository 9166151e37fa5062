# os.openpty / os.forkpty / pty.fork: a child writes through its terminal.
import os
import pty
import termios

master, slave = os.openpty()
print(os.isatty(master), os.isatty(slave), os.get_inheritable(master), os.get_inheritable(slave))
attrs = termios.tcgetattr(slave)
print(len(attrs), type(attrs[6]).__name__)
os.write(slave, b"ping\n")
print(os.read(master, 100).replace(b"\r", b""))
os.close(master)
os.close(slave)

pid, fd = pty.fork()
if pid == 0:
    os.write(1, b"hello from the child\n")
    os._exit(3)
chunks = b""
while True:
    try:
        data = os.read(fd, 1024)
    except OSError:
        break
    if not data:
        break
    chunks += data
_, status = os.waitpid(pid, 0)
print(chunks.replace(b"\r", b""), os.waitstatus_to_exitcode(status))
os.close(fd)
