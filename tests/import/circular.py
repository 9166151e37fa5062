"""Circular imports: the 'partially initialized module' message."""
import sys

HERE = __file__.rpartition("/")[0] or "."
sys.path.insert(0, HERE)

try:
    import circ.a
except ImportError as e:
    print(type(e).__name__, e)
    print(e.name)
print("circ.a" in sys.modules, "circ.b" in sys.modules)
