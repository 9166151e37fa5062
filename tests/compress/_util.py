"""Helpers shared by the compress tests (not a test itself)."""
import random


def show(label, f):
    """Print f()'s result, or its exception's type and message."""
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "->", r if not isinstance(r, (bytes, bytearray)) or len(r) < 80
              else ("%d bytes" % len(r)))


def corpus():
    """Deterministic inputs: empty, tiny, repetitive, random-ish, large."""
    rnd = random.Random(1234)
    text = b"".join(b"line %d: the quick brown fox jumps over the lazy dog\n" % i
                    for i in range(3000))
    noise = bytes(rnd.getrandbits(8) for _ in range(20000))
    return [
        ("empty", b""),
        ("byte", b"x"),
        ("short", b"hello world"),
        ("text", text),
        ("noise", noise),
        ("zeros", bytes(300000)),
        ("mixed", text[:5000] + noise[:5000] + bytes(5000)),
    ]
