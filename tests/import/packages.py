"""Packages: __init__, relative imports, from-imports, attributes."""
import sys

HERE = __file__.rpartition("/")[0] or "."
sys.path.insert(0, HERE)

import imppkg
print(imppkg.INIT_RAN, imppkg.BASE, imppkg.leaf_value())
print(imppkg.__name__, imppkg.__package__, imppkg.__spec__.name)
print(imppkg.__file__.rpartition("/")[2], [p.rpartition("/")[2] for p in imppkg.__path__])
import imppkg.sub.leaf as leaf
print(leaf.__name__, leaf.__package__, leaf.__spec__.parent, leaf.leaf_value())
from imppkg.sub import SUB_BASE, leaf as leaf2
print(SUB_BASE, leaf2 is leaf)
import imppkg.base
print(imppkg.base.BASE, "imppkg.sub.leaf" in sys.modules)
print(type(imppkg.__loader__).__name__, type(imppkg.__spec__).__name__)
print(sorted(k for k in vars(imppkg) if not k.startswith("__")))
m = __import__("imppkg.sub", fromlist=["leaf"])
print(m.__name__)
m = __import__("imppkg.sub")
print(m.__name__)
m = __import__("sub", globals={"__package__": "imppkg", "__name__": "imppkg.x"}, level=1)
print(m.__name__)
