"""try/except/else/finally, raise forms, chaining, exception attributes."""


def show(e):
    print(type(e).__name__, e.args, repr(e.__cause__), repr(e.__context__),
          e.__suppress_context__)


try:
    1 / 0
except ZeroDivisionError as e:
    show(e)

try:
    raise ValueError("bad", 42)
except (TypeError, ValueError) as e:
    show(e)
else:
    print("not reached")
finally:
    print("finally 1")

try:
    pass
except Exception:
    print("not reached")
else:
    print("else ran")
finally:
    print("finally 2")

try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("while handling")
except RuntimeError as e:
    show(e)

try:
    try:
        [][3]
    except IndexError as inner:
        raise TypeError("converted") from inner
except TypeError as e:
    show(e)

try:
    try:
        int("x")
    except ValueError:
        raise LookupError("no context") from None
except LookupError as e:
    show(e)

# the name bound by `except ... as` is deleted afterwards
try:
    raise KeyError("gone")
except KeyError as err:
    pass
try:
    err
except NameError as e:
    print("NameError:", e)


def f():
    try:
        return "try"
    finally:
        print("finally before return")


print(f())


def g():
    try:
        raise ValueError
    finally:
        return "finally wins"


print(g())


def h():
    for i in range(3):
        try:
            if i == 1:
                continue
            if i == 2:
                break
            print("body", i)
        finally:
            print("finally", i)
    return i


print(h())

# bare raise re-raises the handled exception
try:
    try:
        raise OSError(2, "No such file")
    except OSError:
        raise
except OSError as e:
    print(e.errno, e.strerror, str(e))


class MyError(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code


try:
    raise MyError(7)
except Exception as e:
    print(type(e).__name__, e.code, str(e), repr(e))

print(issubclass(MyError, Exception), issubclass(KeyError, LookupError),
      issubclass(ZeroDivisionError, ArithmeticError), isinstance(MyError(1), BaseException))

e = ValueError("x")
e.add_note("note one")
e.add_note("note two")
print(e.__notes__)

print(repr(StopIteration(5).value), repr(SystemExit(3).code), KeyError("k").args)
print(str(KeyError("k")), str(KeyError()), str(ValueError()), repr(ValueError()))
