import signal, os, sys

def handler(signum, frame):
    print("signum", signum == signal.SIGUSR1)
    print("frame type", type(frame).__name__)
    print("code", frame.f_code.co_name)
    print("is caller", frame is caller_frame[0])

caller_frame = [None]

def work():
    caller_frame[0] = sys._getframe()
    signal.signal(signal.SIGUSR1, handler)
    os.kill(os.getpid(), signal.SIGUSR1)
    for i in range(1000):
        pass
    print("after")

work()

def at_module(signum, frame):
    print("module frame", frame.f_code.co_name, frame.f_globals is globals())

signal.signal(signal.SIGUSR2, at_module)
os.kill(os.getpid(), signal.SIGUSR2)
x = 0
while x < 100:
    x += 1
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
signal.signal(signal.SIGUSR2, signal.SIG_DFL)
