from ..base import BASE
from . import SUB_BASE


def leaf_value():
    return BASE * 100 + SUB_BASE
