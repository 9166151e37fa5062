# for-loops over generators (FOR_ITER resumes the generator's frame in the
# same interpreter loop): values, return values, errors and tracebacks,
# StopIteration inside, close() mid-loop, re-entry, exception context,
# frames, recursion and tracing switched on inside the generator.
import sys
import traceback


def gen(n):
    for i in range(n):
        yield i * i


def total(n):
    t = 0
    for x in gen(n):
        t += x
    return t


print(total(10), total(0), sum(x for x in gen(5)))


def pipeline(n):
    def evens(src):
        for x in src:
            if x % 2 == 0:
                yield x

    def halves(src):
        for x in src:
            yield x // 2

    return list(halves(evens(gen(n))))


print(pipeline(12))


def returns_value():
    yield 1
    return 'the value'


print([x for x in returns_value()])


def boom(n):
    for i in range(n):
        if i == 2:
            raise ValueError('boom at %d' % i)
        yield i


def consume_boom():
    seen = []
    try:
        for x in boom(5):
            seen.append(x)
    except ValueError as e:
        tb = traceback.extract_tb(e.__traceback__)
        print(seen, e, [(f.name, f.line) for f in tb])


consume_boom()


def raises_stop():
    yield 1
    raise StopIteration('inner')


try:
    for x in raises_stop():
        pass
except RuntimeError as e:
    print('RuntimeError', e, type(e.__cause__).__name__, e.__cause__)


def close_mid_loop():
    g = gen(10)
    out = []
    for x in g:
        out.append(x)
        if x == 4:
            g.close()
    return out, g.gi_frame


print(close_mid_loop())


def self_iter():
    me = None

    def g():
        yield 1
        for x in me:
            yield x

    me = g()
    try:
        for x in me:
            pass
    except ValueError as e:
        print('ValueError', e)


self_iter()


def running_state():
    holder = []

    def g():
        f = sys._getframe()
        holder.append((holder[0].gi_running, f.f_back.f_code.co_name))
        yield 1

    it = g()
    holder.append(it)
    for x in it:
        pass
    print(holder[1], it.gi_running)


running_state()


def context():
    def g():
        yield 1
        raise KeyError('in gen')

    try:
        raise TypeError('outer')
    except TypeError:
        try:
            for x in g():
                pass
        except KeyError as e:
            print('context', repr(e.__context__))


context()


def exc_info_inside():
    def g():
        yield sys.exc_info()[0]
        try:
            raise IndexError
        except IndexError:
            yield sys.exc_info()[0]
        yield sys.exc_info()[0]

    try:
        raise NameError
    except NameError:
        print([t.__name__ for t in g()], sys.exc_info()[0].__name__)


exc_info_inside()


def tree(d):
    if d == 0:
        yield 0
        return
    for x in tree(d - 1):
        yield x + 1
    for x in tree(d - 1):
        yield x


print(sum(tree(10)))


def deep(d):
    if d:
        for x in deep(d - 1):
            yield x
    else:
        yield 'bottom'


print(list(deep(200)))
old = sys.getrecursionlimit()
sys.setrecursionlimit(150)
try:
    print(list(deep(1000)))
except RecursionError as e:
    print('RecursionError', e)
sys.setrecursionlimit(old)


def finally_on_break():
    log = []

    def g():
        try:
            yield 1
            yield 2
        finally:
            log.append('finally')

    it = g()
    for x in it:
        break
    log.append('after break')
    it.close()
    return log


print(finally_on_break())

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ('traced_gen', 'traced_loop'):
        events.append((frame.f_code.co_name, event, frame.f_lineno - frame.f_code.co_firstlineno))
    return tracer


def traced_gen():
    yield 1
    sys.settrace(tracer)
    yield 2
    yield 3
    return 'done'


def traced_loop():
    out = []
    for x in traced_gen():
        out.append(x)
    return out


print(traced_loop())
sys.settrace(None)
print(events)


# yield from (SEND) resumes the inner generator in the same loop too.
def inner(n):
    got = []
    for i in range(n):
        x = yield i
        got.append(x)
    return got


def outer(n):
    r = yield from inner(n)
    yield ('inner returned', r)


print(list(outer(3)))
o = outer(3)
print(next(o), o.send('a'), o.send('b'), o.send('c'))


def inner_raises():
    yield 1
    raise LookupError('from inner')


def outer_catches():
    try:
        yield from inner_raises()
    except LookupError as e:
        yield 'caught ' + str(e)


print(list(outer_catches()))


def outer_uncaught():
    yield from inner_raises()


try:
    for x in outer_uncaught():
        pass
except LookupError as e:
    print([(f.name, f.line) for f in traceback.extract_tb(e.__traceback__)])


def thrower():
    try:
        yield 1
        yield 2
    except KeyError:
        yield 'inner saw KeyError'


def delegate():
    yield from thrower()


d = delegate()
print(next(d), d.throw(KeyError), list(d))


def chain(depth):
    if depth == 0:
        yield 'leaf'
        return 'r0'
    r = yield from chain(depth - 1)
    return r + str(depth)


def run_chain():
    r = yield from chain(30)
    yield r


print(list(run_chain()))
sys.setrecursionlimit(100)
try:
    print(list(chain(500)))
except RecursionError as e:
    print('RecursionError', e)
sys.setrecursionlimit(old)
