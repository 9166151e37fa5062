# except* (PEP 654): what leaves the try statement — a naked exception is
# wrapped in a group holding a tuple; exceptions raised by the handlers go
# out in a new ExceptionGroup('') (even a single one) with the unhandled
# rest; the rest is projected without calling an overridden split().
def show(e, depth=0):
    print('  ' * depth + type(e).__name__, repr(getattr(e, 'message', e.args)))
    for sub in getattr(e, 'exceptions', ()):
        show(sub, depth + 1)


def run(f):
    try:
        f()
    except BaseException as e:
        show(e)
        if e.__context__ is not None:
            print('context:', type(e.__context__).__name__)
    else:
        print('no exception')


def naked():
    try:
        raise ValueError(3)
    except* ValueError as e:
        print('naked', repr(e))


def raise_one():
    try:
        raise ExceptionGroup("eg", [TypeError(1), ValueError(2)])
    except* (TypeError, ValueError):
        raise SyntaxError(3)


def raise_with_rest():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError('x')


def reraise_part():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ValueError(3)])
    except* ValueError:
        raise


class OddEG(ExceptionGroup):
    def split(self, *a):
        raise RuntimeError('split must not be called')

    def derive(self, excs):
        return OddEG(self.message, excs)


def custom_split():
    try:
        raise OddEG("odd", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise


for f in (naked, raise_one, raise_with_rest, reraise_part):
    print('--', f.__name__)
    run(f)
print('-- custom_split')
try:
    custom_split()
except RuntimeError as e:
    print('RuntimeError', e)
except BaseException as e:
    show(e)
