#!/usr/bin/env python3.11
"""Generate stdlib/tests/struct_cases.inc: _struct cases with python3.11's
answers.  Run: python3.11 stdlib/tests/gen_struct_cases.py > stdlib/tests/struct_cases.inc

Values are encoded as text: i:<decimal> int, f:<16 hex> float bits,
y:<hex> bytes, a:<hex> bytearray, T / F bool, s:<text> str, n None, l [].
A result is such values joined by ' ', or E:<exception>:<message>."""
import random
import struct

rng = random.Random(20261125)


def enc(v):
    if isinstance(v, bool):
        return "T" if v else "F"
    if isinstance(v, int):
        return "i:%d" % v
    if isinstance(v, float):
        return "f:%016x" % struct.unpack("<Q", struct.pack("<d", v))[0]
    if isinstance(v, bytearray):
        return "a:" + v.hex()
    if isinstance(v, bytes):
        return "y:" + v.hex()
    if isinstance(v, str):
        return "s:" + v
    if v is None:
        return "n"
    if v == []:
        return "l"
    raise TypeError(v)


def err(e):
    return "E:%s:%s" % (type(e).__name__, e)


def cstr(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


cases = []   # (op, fmt, args..., expected)


def add(op, fmt, args, extra, call):
    try:
        r = call()
        if isinstance(r, tuple):
            out = " ".join(enc(x) for x in r)
        else:
            out = enc(r)
    except Exception as e:  # noqa: BLE001
        out = err(e)
    cases.append((op, fmt, " ".join(enc(a) for a in args), extra, out))


ORDERS = ["", "@", "=", "<", ">", "!"]
INTS = "bBhHiIlLqQnNP"


def rand_value(c):
    r = rng.random()
    if c in INTS:
        if r < 0.1:
            return rng.choice([1.5, "x", None, True])
        bits = rng.choice([7, 8, 15, 16, 31, 32, 33, 63, 64, 65, 100])
        v = rng.getrandbits(bits)
        return -v if rng.random() < 0.3 else v
    if c in "efd":
        if r < 0.05:
            return "x"
        return rng.choice([0.0, -0.0, 1.5, -2.25, 1e-5, 65504.0, 65519.0, 65520.0, 1e-8,
                           6e-8, 3.4e38, 3.5e38, 1e300, float("inf"), -float("inf"),
                           float("nan"), 3, rng.uniform(-1e6, 1e6), rng.uniform(-1, 1),
                           rng.uniform(-70000, 70000)])
    if c == "?":
        return rng.choice([0, 1, 2, "", "x", None, True, False, [], 0.0])
    if c == "c":
        return rng.choice([b"a", b"", b"ab", bytearray(b"a"), "a", 1])
    if c in "sp":
        n = rng.randrange(0, 300) if r < 0.2 else rng.randrange(0, 8)
        v = bytes(rng.randrange(256) for _ in range(n))
        return rng.choice([v, v, bytearray(v), "ab", 5])
    return 0


def rand_format():
    order = rng.choice(ORDERS)
    parts = []
    for _ in range(rng.randrange(1, 5)):
        c = rng.choice("xcbB?hHiIlLqQnNPefdsp")
        if order not in ("", "@") and c in "nNP":
            if rng.random() < 0.7:
                c = "i"
        count = rng.choice(["", "", "", "0", "1", "2", "3", "5"])
        if c == "p" and count == "0":
            count = ""          # CPython 3.11 raises SystemError unpacking '0p'
        parts.append(count + c)
    return order + "".join(parts)


def items_of(fmt):
    s = struct.Struct(fmt)
    # rebuild the item codes from the format text
    f = fmt.lstrip("@=<>!")
    out = []
    num = ""
    for ch in f:
        if ch.isdigit():
            num += ch
            continue
        n = int(num) if num else 1
        num = ""
        if ch in "sp":
            out.append(ch)
        elif ch != "x":
            out.extend(ch * n)
    return s, out


for _ in range(700):
    fmt = rand_format()
    try:
        s, codes = items_of(fmt)
    except struct.error:
        add("c", fmt, [], 0, lambda: struct.calcsize(fmt))
        continue
    add("c", fmt, [], 0, lambda: struct.calcsize(fmt))
    args = [rand_value(c) for c in codes]
    if rng.random() < 0.05 and args:
        args = args[:-1]
    add("p", fmt, args, 0, lambda: struct.pack(fmt, *args))
    data = bytes(rng.randrange(256) for _ in range(s.size))
    if rng.random() < 0.1:
        data = data[:-1] if data else b"x"
    add("u", fmt, [data], 0, lambda: struct.unpack(fmt, data))
    if rng.random() < 0.3:
        blob = bytes(rng.randrange(256) for _ in range(s.size + rng.randrange(0, 6)))
        off = rng.randrange(-len(blob) - 3, len(blob) + 3)
        add("f", fmt, [blob], off, lambda: struct.unpack_from(fmt, blob, off))
    if rng.random() < 0.3:
        n = s.size + rng.randrange(0, 6)
        off = rng.randrange(-n - 3, n + 3)
        good = [rand_value(c) for c in codes]

        def into():
            buf = bytearray(b"\xaa" * n)
            struct.pack_into(fmt, buf, off, *good)
            return bytes(buf)
        add("i", fmt, good, (n << 16) | (off & 0xffff), into)
    if rng.random() < 0.2 and s.size:
        blob = bytes(rng.randrange(256) for _ in range(s.size * rng.randrange(0, 4)
                                                       + (rng.random() < 0.2)))
        add("t", fmt, [blob], 0, lambda: tuple(x for t in struct.iter_unpack(fmt, blob)
                                               for x in t))

# hand-picked formats: errors of the parser, whitespace, big counts
for fmt in ["", " ", "3", "ii3", "i!", "z", "<P", "<n", "4 i", " i i ", "9999999999999999999i",
            "4000000000000000000q", "b0i", "bi", "<bi", "0s", "0p", "\0", "i\0", "@3sxi",
            "=qh", ">ei", "!?3x", "<255p", "x0q", "c@", "=N"]:
    add("c", fmt, [], 0, lambda: struct.calcsize(fmt))

print("/* generated by gen_struct_cases.py from python3.11 — do not edit */")
for op, fmt, args, extra, out in cases:
    print("{ '%s', %s, %d, %s, %d, %s }," % (op, cstr(fmt).replace("\0", "\\0"), len(fmt),
                                            cstr(args), extra, cstr(out)))
