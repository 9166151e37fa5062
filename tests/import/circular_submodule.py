"""A circular `import a.b` whose module reads the half-made submodule:
CPython 3.11's AttributeError names the circular import (module getattr,
libobject's part)."""
import sys

HERE = __file__.rpartition("/")[0] or "."
sys.path.insert(0, HERE)

try:
    import circ.c
except AttributeError as e:
    print(type(e).__name__, e)
