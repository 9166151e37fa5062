"""json.dumps through _json's encoder: options, hooks, errors, floats, ints."""
import json
import enum
import math
from collections import OrderedDict, UserDict

import _json
print(json.encoder.c_make_encoder is _json.make_encoder)
print(json.encoder.c_encode_basestring_ascii is _json.encode_basestring_ascii)

DATA = {
    "str": "caf\u00e9 \u2603 \U0001f600 \"q\" \\ / \b\f\n\r\t \x00\x1f\x7f",
    "ints": [0, -1, 2 ** 31, -2 ** 63, 2 ** 100, 10 ** 50],
    "floats": [0.0, -0.0, 1.5, 1e16, 1e-7, 123456789.125, 1 / 3, 2.5e-310, 1.7976931348623157e308],
    "consts": [None, True, False],
    "nested": {"a": [1, (2, 3), {"b": []}], "c": {}, "d": ()},
    1: "int key", 2.5: "float key", True: "bool key", None: "none key",
}
print(json.dumps(DATA))
print(json.dumps(DATA, ensure_ascii=False))
print(json.dumps(DATA, separators=(",", ":")))
print(json.dumps(DATA, separators=(" ,  ", " :: ")))
print(json.dumps(DATA["nested"], sort_keys=True))
print(json.dumps({"b": 1, "a": {"z": 1, "y": 2}, "c": [{"q": 1, "p": 2}]}, sort_keys=True))
print(json.dumps(DATA, indent=2, sort_keys=False))
print(json.dumps(DATA["nested"], indent="\t", sort_keys=True))
print(json.dumps([], indent=4), json.dumps({}, indent=4), json.dumps([[]]), json.dumps([{}]))

# scalars at the top level
for v in ["x", "\u00e9", 1, -5, 1.0, None, True, False, 2 ** 64, float("nan"), float("inf"), -float("inf")]:
    print(json.dumps(v), json.dumps(v, ensure_ascii=False))

# subclasses: int/float reprs are int.__repr__ / float.__repr__
class Color(enum.IntEnum):
    RED = 1
class MyFloat(float):
    def __repr__(self):
        return "MyFloat!"
class MyStr(str):
    pass
class MyList(list):
    pass
class MyDict(dict):
    pass
print(json.dumps([Color.RED, MyFloat(2.5), MyStr("s"), MyList([1, 2]), MyDict(a=1), {Color.RED: 1}]))
print(json.dumps(OrderedDict([("z", 1), ("a", 2)])))
print(json.dumps(OrderedDict([("z", 1), ("a", 2)]), sort_keys=True))

# default
def default(o):
    if isinstance(o, set):
        return sorted(o)
    if isinstance(o, complex):
        return [o.real, o.imag]
    raise TypeError("nope: " + type(o).__name__)
print(json.dumps({"s": {3, 1, 2}, "c": 1 + 2j, "l": [frozenset([5])] if False else []}, default=default))
print(json.dumps([UserDict(a=1)], default=dict))
class JE(json.JSONEncoder):
    def default(self, o):
        return {"type": type(o).__name__}
print(JE().encode([object(), {"x": object()}]))
print(json.dumps(range(3), default=list))

# errors
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

show(lambda: json.dumps(object()))
show(lambda: json.dumps({"a": object()}))
show(lambda: json.dumps({(1, 2): 3}))
show(lambda: json.dumps({(1, 2): 3, "k": 4}, skipkeys=True))
show(lambda: json.dumps({"k": 4, (1, 2): 3, "j": 5}, skipkeys=True))
show(lambda: json.dumps({1j: 3}, skipkeys=True))
show(lambda: json.dumps([float("nan")], allow_nan=False))
show(lambda: json.dumps({float("inf"): 1}, allow_nan=False))
show(lambda: json.dumps({float("inf"): 1, float("nan"): 2, -float("inf"): 3}))
show(lambda: json.dumps({1: 1, "a": 2}, sort_keys=True))
show(lambda: json.dumps({1: 1, 2: 2, 0.5: 3}, sort_keys=True))
a = []
a.append(a)
show(lambda: json.dumps(a))
d = {}
d["self"] = d
show(lambda: json.dumps(d))
class Loop:
    pass
show(lambda: json.dumps(Loop(), default=lambda o: o))
show(lambda: json.dumps(a, check_circular=False))
show(lambda: json.dumps([1] * 3, check_circular=False))
deep = []
for _ in range(100000):
    deep = [deep]
show(lambda: len(json.dumps(deep)))

# the C encoder called directly
enc = _json.make_encoder(None, repr, _json.encode_basestring, None, ":", ",", True, False, True)
print(enc({"b": [1, "x\u00e9"], "a": None}, 0))
enc2 = _json.make_encoder({}, repr, lambda s: "<" + s + ">", None, "=", ";", False, True, False)
print(enc2({"b": [1, "x"], (1,): 2, "a": 3.5}, 0))
print(enc.sort_keys, enc.skipkeys, enc.key_separator, enc.item_separator, enc.indent, enc.markers)
enc3 = _json.make_encoder(None, repr, lambda s: 5, None, ":", ",", False, False, True)
show(lambda: enc3(["x"], 0))
show(lambda: _json.make_encoder([], repr, repr, None, ":", ",", False, False, True))
show(lambda: _json.make_encoder(None, repr, repr, None, 1, ",", False, False, True))

print(_json.encode_basestring_ascii("a\u00e9\U0001f600\x7f\"\\"), _json.encode_basestring("a\u00e9\x7f\x01"))
show(lambda: _json.encode_basestring_ascii(b"x"))
show(lambda: _json.encode_basestring(1))

# round trips
doc = {"users": [{"id": i, "name": "u%d" % i, "score": i * 1.1, "tags": ["t", "\u00fc"],
                  "nested": {"deep": [[i], {"k": None}]}} for i in range(30)],
       "big": 2 ** 200, "neg": -10 ** 30, "empty": ["", {}, []]}
for kw in [{}, {"indent": 1}, {"sort_keys": True}, {"ensure_ascii": False}, {"separators": (",", ":")}]:
    text = json.dumps(doc, **kw)
    print(kw, json.loads(text) == doc, len(text))
