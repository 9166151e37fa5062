"""A tiny object store: pickle with every protocol, copyreg, __reduce__, __getstate__."""
import copyreg
import io
import pickle
import collections
import fractions
import decimal
import datetime


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __getstate__(self):
        return (self.x, self.y)

    def __setstate__(self, st):
        self.x, self.y = st

    def __eq__(self, o):
        return isinstance(o, Point) and (self.x, self.y) == (o.x, o.y)

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None


class Token:
    def __init__(self, secret):
        self.secret = secret

    def __reduce__(self):
        return (Token, ("<redacted>",))


def reduce_complex_wrapper(c):
    return (complex, (c.real, c.imag))


copyreg.pickle(complex, reduce_complex_wrapper)

root = Node("root")
for n in "abc":
    ch = Node(n)
    ch.parent = root
    root.children.append(ch)

data = {
    "ints": [0, -1, 2**70, -(2**64)], "floats": [1.5, float("inf")], "str": "héllo\n",
    "bytes": b"\x00\xff", "ba": bytearray(b"xy"), "tuple": (1, (2, 3)), "set": {1, 2},
    "fs": frozenset("ab"), "none": None, "bool": [True, False], "cx": 1 + 2j,
    "pt": Point(1, 2), "od": collections.OrderedDict(a=1), "dd": collections.defaultdict(list, k=[1]),
    "frac": fractions.Fraction(3, 7), "dec": decimal.Decimal("1.10"),
    "date": datetime.date(2020, 5, 17), "tok": Token("hunter2"), "range": range(1, 10, 3),
    "slice": slice(1, None, 2), "ellipsis": ..., "type": int, "func": len,
}

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    blob = pickle.dumps(data, protocol=proto)
    back = pickle.loads(blob)
    same = {k: back[k] == v for k, v in data.items() if k != "tok"}
    print(proto, all(same.values()), back["tok"].secret, type(back["dd"]).__name__, back["dd"]["k"])
    t = pickle.loads(pickle.dumps(root, protocol=proto))
    print(" tree", [c.name for c in t.children], all(c.parent is t for c in t.children))

buf = io.BytesIO()
p = pickle.Pickler(buf, protocol=2)
p.dump([1, 2])
p.dump("second")
buf.seek(0)
u = pickle.Unpickler(buf)
print(u.load(), u.load())
try:
    pickle.dumps(lambda: 0)
except Exception as e:
    print(type(e).__name__, str(e).split(" at 0x")[0])
try:
    pickle.loads(b"garbage")
except Exception as e:
    print(type(e).__name__, e)
