"""A package for the import tests: relative imports, __init__, from-imports."""
from .base import BASE
from . import sub
from .sub.leaf import leaf_value

INIT_RAN = True
