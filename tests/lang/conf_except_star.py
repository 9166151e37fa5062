# except*: what a try/except* raises when handlers raise, re-raise or
# swallow parts of a group (CPython's _PyExc_PrepReraiseStar rules).
import sys


def show(e, indent=""):
    print(indent + repr(e) if not isinstance(e, BaseExceptionGroup)
          else indent + "%s(%r)" % (type(e).__name__, e.message))
    if isinstance(e, BaseExceptionGroup):
        for sub in e.exceptions:
            show(sub, indent + "  ")


def run(label, f):
    try:
        f()
    except BaseException as e:
        print(label, "->")
        show(e, "  ")
        ctx = e.exceptions[0].__context__ if isinstance(e, BaseExceptionGroup) else e.__context__
        print("  context:", type(ctx).__name__, "cause:", type(e.__cause__).__name__)
        return e
    print(label, "-> nothing")


def group():
    return ExceptionGroup("eg", [TypeError(1), ValueError(2)])


orig = group()


def raise_one():
    try:
        raise orig
    except* (TypeError, ValueError):
        raise SyntaxError(3)


def raise_one_keep_rest():
    try:
        raise orig
    except* TypeError:
        raise SyntaxError(3)


def reraise_all():
    try:
        raise orig
    except* TypeError:
        raise
    except* ValueError:
        raise


def reraise_named():
    try:
        raise orig
    except* TypeError as e:
        raise e


def swallow_all():
    try:
        raise orig
    except* TypeError:
        pass
    except* ValueError:
        pass


def raise_two():
    try:
        raise orig
    except* TypeError:
        raise KeyError("k")
    except* ValueError:
        raise IndexError("i")


def raise_from():
    try:
        raise orig
    except* TypeError as e:
        raise SyntaxError(3) from e


def naked():
    try:
        raise TypeError(5)
    except* TypeError:
        raise SyntaxError(3)


def base_exception():
    try:
        raise orig
    except* TypeError:
        raise KeyboardInterrupt


class MyEG(ExceptionGroup):
    def derive(self, excs):
        return MyEG(self.message + "!", excs)


def subclass_rest():
    try:
        raise MyEG("mine", [TypeError(1), ValueError(2), OSError(3)])
    except* TypeError:
        pass
    except* ValueError:
        raise


for name, f in list(globals().items()):
    if callable(f) and f.__module__ == "__main__" and name not in ("show", "run", "group", "MyEG"):
        e = run(name, f)
        if name == "reraise_all":
            print("  same object:", e is orig)
