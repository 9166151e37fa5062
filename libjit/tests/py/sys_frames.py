"""sys._getframe, locals(), vars(), dir(), globals() and eval/exec defaults in frames."""
import sys
def f():
    fr = sys._getframe()
    return fr.f_code.co_name, fr.f_back.f_code.co_name, sys._getframe(1).f_lineno
print(f())
try:
    sys._getframe(100)
except ValueError as e:
    print(e)
def g():
    x = 1
    print(sorted(locals()), vars() is not None, "x" in dir())
    exec("x = 2")
    print(x, locals()["x"])
g()
class K:
    a = 1
    print(sorted(k for k in locals() if not k.startswith("__")))
print(globals() is sys.modules["__main__"].__dict__)
print(eval("__name__"), eval("a", {"a": 1}), eval("b", {}, {"b": 2}))
