"""Import errors with CPython's messages."""
import sys

HERE = __file__.rpartition("/")[0] or "."
sys.path.insert(0, HERE)


def show(stmt):
    try:
        exec(stmt, {"__name__": "__main__"})
    except BaseException as e:
        print(stmt, "->", type(e).__name__, e, getattr(e, "name", None))
    else:
        print(stmt, "-> ok")


show("import no_such_module_xyz")
show("import imppkg.no_such_sub")
show("import imppkg.base.deeper")
show("from imppkg import no_such_name")
show("from imppkg.base import NOPE")
show("import imppkg.toodeep")
show("import imppkg.badname")
show("from . import x")
show("__import__('')")
show("__import__(5)")
show("__import__('x', level=-1)")
show("__import__('imppkg', fromlist=['sub', 'no_such_thing']).sub.__name__")
sys.modules["blocked_mod"] = None
show("import blocked_mod")
show("import sys as _s; _s.modules['sys'] is _s")
