from ... import anything  # noqa: F401  (beyond the top-level package)
