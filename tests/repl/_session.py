"""Helper for the REPL tests: run the interpreter on a pseudo-terminal,
type lines into it and print what a person would see.

Each step waits (bounded) until the screen ends with the prompt the step
expects, so the transcript does not depend on timing.  The transcript is
cleaned as a terminal would show it: escape sequences dropped, a carriage
return starts the line over, a backspace erases one character.  The
banner (everything before the first prompt) differs between interpreters
and is summarised, not printed.
"""

import os
import pty
import re
import select
import shutil
import sys
import tempfile

ESCAPES = re.compile(rb"\x1b(\[[0-9;?]*[A-Za-z]|[=>]|\][^\x07]*\x07)")
LIMIT = 30.0


def clean(raw):
    text = ESCAPES.sub(b"", raw).decode("utf-8", "replace")
    lines = []
    for line in text.replace("\r\n", "\n").split("\n"):
        screen = []
        col = 0
        for ch in line:
            if ch == "\r":
                col = 0
            elif ch == "\b":
                col = max(col - 1, 0)
            elif ch == "\x07":
                continue
            else:
                if col < len(screen):
                    screen[col] = ch
                else:
                    screen.append(ch)
                col += 1
        lines.append("".join(screen).rstrip())
    return lines


class Session:
    def __init__(self, args=()):
        self.home = tempfile.mkdtemp(prefix="kiln-repl-")
        env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
        env.update(HOME=self.home, TERM="dumb", LC_ALL="C.UTF-8", INPUTRC="/dev/null")
        pid, fd = pty.fork()
        if pid == 0:
            try:
                os.execve(sys.executable, [sys.executable, *args], env)
            finally:
                os._exit(127)
        self.pid, self.fd = pid, fd
        self.raw = b""
        self.status = None

    def read_until(self, prompt, start=0):
        """Read until there is output past offset start and the cleaned
        output ends with prompt; False on timeout or end of output."""
        import time
        deadline = time.monotonic() + LIMIT
        while True:
            lines = clean(self.raw)
            if len(self.raw) > start and lines and lines[-1].endswith(prompt.rstrip()) and not self.raw.endswith(b"\n"):
                return True
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                continue
            try:
                chunk = os.read(self.fd, 4096)
            except OSError:
                return False
            if not chunk:
                return False
            self.raw += chunk

    def send(self, data, prompt=">>> "):
        start = len(self.raw)
        os.write(self.fd, data.encode() if isinstance(data, str) else data)
        return self.read_until(prompt, start)

    def wait_blocked(self):
        """Wait until the child's main thread sleeps in select(2) or
        pselect6(2) (/proc/PID/syscall), so that a Ctrl-C sent now
        interrupts the wait for a key instead of landing between two keys,
        where CPython's reader would not see it until the next key."""
        import time
        deadline = time.monotonic() + LIMIT
        while time.monotonic() < deadline:
            try:
                with open("/proc/%d/syscall" % self.pid) as f:
                    if f.read().split(" ", 1)[0] in ("23", "270"):
                        return True
            except OSError:
                return False
            time.sleep(0.01)
        return False

    def interrupt(self, prompt=">>> "):
        """Ctrl-C once the child waits for a key."""
        return self.wait_blocked() and self.send("\x03", prompt)

    def finish(self):
        """Read to the end of output and reap the child."""
        while True:
            try:
                ready, _, _ = select.select([self.fd], [], [], LIMIT)
                chunk = os.read(self.fd, 4096) if ready else b""
            except OSError:
                chunk = b""
            if not chunk:
                break
            self.raw += chunk
        _, status = os.waitpid(self.pid, 0)
        os.close(self.fd)
        self.status = os.waitstatus_to_exitcode(status)
        return self.status

    def transcript(self):
        """The cleaned lines from the first prompt on, and the banner."""
        lines = clean(self.raw)
        first = next((i for i, l in enumerate(lines) if l.startswith(">>>")), len(lines))
        return lines[:first], lines[first:]

    def history(self):
        path = os.path.join(self.home, ".python_history")
        if not os.path.exists(path):
            return None
        with open(path) as f:
            return f.read().splitlines()

    def close(self):
        shutil.rmtree(self.home, ignore_errors=True)


def report(session):
    banner, lines = session.transcript()
    print("banner lines:", len(banner), "first starts with 'Python 3.11':",
          bool(banner) and banner[0].startswith("Python 3.11"))
    for line in lines:
        print(repr(line))
    print("exit status:", session.status)
