"""Generator send(), throw(), close(), and GeneratorExit handling."""


def accumulator():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
    return total


a = accumulator()
print(a.send(None))
print(a.send(5), a.send(10), a.send(-3))
try:
    a.send(None)
except StopIteration as e:
    print("finished with", e.value)

g = accumulator()
try:
    g.send(1)
except TypeError as e:
    print(type(e).__name__, e)


def catcher():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("caught", e)
            yield "recovered"


c = catcher()
print(next(c))
print(c.throw(ValueError("bad")))
print(next(c))
try:
    c.throw(KeyError("unhandled"))
except KeyError as e:
    print(type(e).__name__, e)
try:
    next(c)
except StopIteration:
    print("generator is finished")


def closer():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("got GeneratorExit")
        raise
    finally:
        print("finally in closer")


cl = closer()
print(next(cl))
cl.close()
cl.close()
print("closed twice ok")


def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print(type(e).__name__, e)


def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"


r = returns_on_close()
next(r)
print(r.close())

# close on a not-started generator does nothing
ns = closer()
ns.close()
print("unstarted close silent")

# throw into an unstarted generator raises at the start
un = closer()
try:
    un.throw(IndexError("early"))
except IndexError as e:
    print(type(e).__name__, e)


# throw with a type, and traceback not needed
def t2():
    try:
        yield
    except Exception as e:
        yield type(e).__name__


tg = t2()
next(tg)
print(tg.throw(ZeroDivisionError))


# send drives a coroutine-like pipeline
def averager():
    total = count = 0
    avg = None
    while True:
        val = yield avg
        total += val
        count += 1
        avg = total / count


av = averager()
next(av)
for v in (10, 20, 30, 40):
    print(av.send(v))


# Generator finishing while handling throw
def finisher():
    try:
        yield
    except ValueError:
        return "handled"


fg = finisher()
next(fg)
try:
    fg.throw(ValueError)
except StopIteration as e:
    print("StopIteration value", e.value)

# gi_suspended-ish: frame is None after close
fin = closer()
next(fin)
fin.close()
print(fin.gi_frame)


def yield_in_finally():
    try:
        yield "a"
    finally:
        print("finally runs on exhaustion")


print(list(yield_in_finally()))
