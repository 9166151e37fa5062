from .base import NOPE  # noqa: F401
