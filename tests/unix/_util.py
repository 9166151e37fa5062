"""Shared helper of the tests/unix differential tests."""


def show(f, *args, **kwargs):
    """Print f(*args)'s repr, or the exception's type name and message."""
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)
