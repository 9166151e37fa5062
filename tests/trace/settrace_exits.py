"""Line events where the implicit `return None` is shared by several
paths (CPython gives each path's copy the line of the jump that reaches
it), decorator applications (the line of each decorator), and `for` /
`while` loops that end a function or a generator."""
import sys

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_filename != __file__:
        return None
    rel = frame.f_lineno - frame.f_code.co_firstlineno
    if event == "exception":
        events.append((event, frame.f_code.co_name, rel, arg[0].__name__))
    else:
        events.append((event, frame.f_code.co_name, rel))
    return tracer


def if_at_end(x):
    if x > 1:
        x += 1


def or_at_end(x, y):
    if x is None or not y:
        pass


def for_at_end(n):
    for i in range(n):
        n += i


def while_at_end(n):
    while n:
        n -= 1


def gen_for_at_end(n):
    c = 5
    for i in range(n):
        yield i + c


def try_at_end(x):
    try:
        x = 1 / x
    except ZeroDivisionError:
        x = 0


def with_at_end(cm):
    with cm:
        pass


class CM:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return True


def decorators():
    def deco1(f):
        return f

    def fabric():
        def deco2(f):
            return f
        return deco2

    @deco1
    @fabric()
    def func():
        pass

    @deco1
    class K:
        pass
    func()
    return K


def constant_tests():
    x = 1
    if False:
        x = 2
    else:
        x = 3
    while True:
        break
    for i in [1]:
        continue
    return x


def break_to_break():
    t = 1
    while t:
        while t:
            break
        break


def nested_ifs(a, b):
    if a == 1:
        if b == 1:
            x = 4
        else:
            x = 6
    else:
        x = 8
    return x


def try_else_finally(name):
    try:
        2
    except Exception:
        4
    else:
        6
        if False:
            8
        if name == "Fred":
            10
    finally:
        12


def if_false_in_try():
    try:
        if False:
            pass
    except Exception:
        X


def return_through_finally():
    try:
        return 2
    finally:
        4


def break_through_finally():
    for i in range(3):
        try:
            if i == 1:
                break
            continue
        finally:
            7
    return i


def early_exit_with():
    for i in (1, 2):
        with CM():
            break
    with CM():
        return 5


def subgen():
    yield 0
    return 123


def delegating():
    x = yield from subgen()
    return x + 1


async def leaf():
    return 7


async def coro():
    v = await leaf()
    return v * 2


async def arange(n):
    for i in range(n):
        yield i


async def async_for_loop():
    async for i in arange(3):
        if i > 100:
            break
    return i


def drive(c):
    try:
        c.send(None)
    except StopIteration as e:
        return e.value


def run():
    if_at_end(0)
    if_at_end(5)
    or_at_end(None, 1)
    or_at_end(1, 1)
    or_at_end(1, 0)
    for_at_end(2)
    for_at_end(0)
    while_at_end(2)
    list(gen_for_at_end(2))
    try_at_end(0)
    try_at_end(2)
    with_at_end(CM())
    decorators()
    return_through_finally()
    break_through_finally()
    early_exit_with()
    constant_tests()
    break_to_break()
    nested_ifs(1, 1)
    nested_ifs(1, 2)
    nested_ifs(2, 1)
    try_else_finally("x")
    if_false_in_try()
    list(delegating())
    drive(coro())
    drive(async_for_loop())


sys.settrace(tracer)
run()
sys.settrace(None)
for e in events:
    print(*e)
