"""breakpoint() and sys.breakpointhook: $PYTHONBREAKPOINT read at each
call (a callable's dotted name, a builtin's bare name, 0 to do nothing,
an unimportable name warns), and the default pdb.set_trace driven through
a replaced sys.stdin."""
import io
import os
import sys
import warnings

for value, args in (("builtins.print", ("a", "b")), ("len", ("abc",)), ("0", ()),
                    ("os.path.join", ("x", "y"))):
    os.environ["PYTHONBREAKPOINT"] = value
    print(value, "->", repr(breakpoint(*args)))

for value in ("nosuch_module_xyz.hook", "os.nosuch_attr"):
    os.environ["PYTHONBREAKPOINT"] = value
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        print(value, "->", breakpoint())
    for w in caught:
        print(w.category.__name__, w.message)

del os.environ["PYTHONBREAKPOINT"]


def compute():
    a = 6
    breakpoint()
    b = a * 7
    return b


saved = sys.stdin, sys.stdout
sys.stdin = io.StringIO("p a\nnext\np b\nwhere\ncontinue\n")
out = sys.stdout = io.StringIO()
try:
    result = compute()
finally:
    sys.stdin, sys.stdout = saved
    sys.settrace(None)
print("result", result)
print(out.getvalue().replace(__file__, "FILE"))
