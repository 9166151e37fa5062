from .. import base as _base
SUB_BASE = _base.BASE + 1
