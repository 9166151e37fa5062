# Pairs of instructions run as one (LOAD_FAST/STORE_FAST/LOAD_CONST with
# the next one): an unbound second local reports its own line, jumps into
# the second half, tracing sees every line, generators and closures.
import sys


def line_of_error(f, *args):
    try:
        f(*args)
    except NameError as e:
        tb = e.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        return type(e).__name__, str(e), tb.tb_lineno - f.__code__.co_firstlineno
    return 'no error'


def second_unbound(flag):
    a = 1
    if flag:
        b = 2
    return (a,
            b)


def store_then_unbound(flag):
    if flag:
        c = 3
    a = 1
    return c


def const_then_unbound(flag):
    if flag:
        d = 4
    return (5,
            d)


def deleted(x):
    y = x
    del y
    return x + y


for f in (second_unbound, store_then_unbound, const_then_unbound):
    for i in range(30):
        f(True)
    print(f.__name__, f(True), line_of_error(f, False))
print(line_of_error(deleted, 1))


def jump_into_second(n):
    total = 0
    i = 0
    while i < n:
        x = i
        total = total + x
        i = i + 1
    return total, x


print(jump_into_second(100))


def swap_stores(seq):
    out = []
    for a, b in seq:
        a, b = b, a
        out.append(a - b)
    return out


print(swap_stores([(1, 2), (5, 3), (-1, 7)] * 3))


def traced(n):
    a = n
    b = 2
    c = a * b
    return c


events = []


def tr(frame, event, arg):
    if frame.f_code is traced.__code__:
        events.append((event, frame.f_lineno - traced.__code__.co_firstlineno))
    return tr


for i in range(10):
    traced(i)
sys.settrace(tr)
traced(3)
sys.settrace(None)
print(events)


def gen(n):
    a = 0
    b = 1
    for _ in range(n):
        yield a
        a, b = b, a + b


print(list(gen(15)))


def outer():
    k = 10

    def inner(m):
        j = m
        return j + k

    return [inner(i) for i in range(5)]


print(outer())


# Cold code (fewer than 8 RESUME / JUMP_BACKWARD events) runs the plain
# instructions: the second local's own line is reported.
def cold_second(flag):
    a = 1
    if flag:
        b = 2
    return (a,
            b)


print(line_of_error(cold_second, False))


def loop_cold(n):
    b = 0
    for i in range(n):
        a = i
        if i == n - 1:
            del b
        x = (a,
             b)


def loop_hot(n):
    b = 0
    for i in range(n):
        a = i
        if i == n - 1:
            del b
        x = (a,
             b)


print(line_of_error(loop_cold, 3), line_of_error(loop_hot, 20))


def gen_warm():
    a = 1
    b = 2
    for i in range(12):
        yield i
        if i == 10:
            del b
        yield (a,
               b)


try:
    for v in gen_warm():
        pass
except UnboundLocalError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print('gen', tb.tb_lineno - gen_warm.__code__.co_firstlineno)


# A pair straddling the end of a try body: the handler is looked up from
# the second half (the else clause is not protected), the traceback line
# is the first half's once warm, as CPython 3.11.
def try_else(flag):
    if flag:
        c = 1
    try:
        y = 1
    except NameError:
        return 'caught'
    else:
        z = c
    return 'ok'


def run_try_else():
    try:
        return try_else(False)
    except NameError as e:
        tb = e.__traceback__.tb_next
        return 'escaped', tb.tb_lineno - try_else.__code__.co_firstlineno


print(try_else(True), run_try_else())
for i in range(20):
    try_else(True)
print(run_try_else())
