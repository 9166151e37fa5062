# Line events around statements that compile to no code of their own
# (`try:` whose body is `pass`, `if ...: pass`): a NOP that ends its block
# is dropped when the next block starts on the same line, as CPython does.
import sys


def loop_try(n):
    for i in range(n):
        try: pass
        except Exception: pass
    return n


def loop_try_multiline(n):
    for i in range(n):
        try:
            pass
        except Exception:
            pass
    return n


def if_pass(x, y):
    if x is None or not y:
        pass
    return 1


def while_pass(n):
    while n > 0:
        n -= 1
        if n == 2: pass
    return n


events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ('loop_try', 'loop_try_multiline', 'if_pass', 'while_pass'):
        events.append((frame.f_code.co_name, event, frame.f_lineno - frame.f_code.co_firstlineno))
    return tracer


sys.settrace(tracer)
loop_try(2)
loop_try_multiline(2)
if_pass(None, 1)
if_pass(1, 1)
if_pass(1, 0)
while_pass(4)
sys.settrace(None)
for e in events:
    print(e)
