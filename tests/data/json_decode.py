"""json.loads through _json's scanner: values, every hook, error messages."""
import json
import decimal
from collections import OrderedDict

import _json
print(json.scanner.make_scanner is _json.make_scanner, json.decoder.scanstring is _json.scanstring)

DOCS = [
    '{"a": [1, 2.5, -3e2, 0.5E-3, 1E+2, null, true, false, "s"], "b": {"c": {}}, "d": []}',
    ' [ 1 , [ 2 , [ 3 ] ] , { "k" : "v" } ] ',
    '"\\u00e9\\u20ac\\ud834\\udd1e\\n\\t\\"\\\\\\/\\b\\f\\r"',
    '"caf\u00e9 \u2603 \U0001f600"',
    '"\\ud834x" ',
    '"\\udd1e\\ud834"',
    '-0', '0', '-0.0', '12345678901234567890123456789', '-98765432109876543210',
    '1.7976931348623157e308', '1e400', '-1e400', '5e-324', '123456789.123456789',
    '[NaN, Infinity, -Infinity]',
    '{"dup": 1, "dup": 2}',
    '\t\n\r {"x":\n1}\n',
]
for d in DOCS:
    print(repr(json.loads(d)))

doc = '{"b": [1, 2.25, {"x": NaN}], "a": {"n": 10, "f": 1.5}, "c": "s"}'
print(json.loads(doc, object_hook=lambda d: sorted(d.items())))
print(json.loads(doc, object_pairs_hook=OrderedDict))
print(json.loads(doc, object_pairs_hook=list, object_hook=dict))
print(json.loads(doc, parse_float=decimal.Decimal))
print(json.loads(doc, parse_int=lambda s: "int:" + s))
print(json.loads(doc, parse_constant=lambda s: "const:" + s))
print(json.loads('[1.0, 2]', parse_float=float, parse_int=float))

class F(float):
    pass
print(json.loads('[1.5, 2]', parse_float=F, parse_int=F))

# memo: equal keys in one document are one object
objs = json.loads('[{"key": 1}, {"key": 2}]')
k1, = objs[0]
k2, = objs[1]
print(k1 is k2)

# strict=False allows control characters inside strings
print(repr(json.loads('"a\tb\nc"', strict=False)))
print(repr(json.decoder.JSONDecoder(strict=False).decode('["x\x01"]')))

# the scanner directly
sc = json.scanner.make_scanner(json.decoder.JSONDecoder())
print(sc('  [1, 2]  ', 2), sc('"ab"', 0), sc('nulltrue', 4))
print(sc.strict, sc.parse_float is float, sc.parse_int is int, sc.object_hook, sc.object_pairs_hook)
for args in [('x', 0), ('', 0), ('[', 0), ('  1', 5)]:
    try:
        print(sc(*args))
    except StopIteration as e:
        print("StopIteration", e.value)
for bad in [(b'1', 0), ('1', 'x'), ('1', -1)]:
    try:
        sc(*bad)
    except Exception as e:
        print(type(e).__name__, e)

# scanstring
print(json.decoder.scanstring('"abc" tail', 1))
print(json.decoder.scanstring('x"a\\nb"', 2))
for args in [('"abc', 1), ('"a', 5), ('"a', -1), ('"\x00"', 1)]:
    try:
        print(json.decoder.scanstring(*args))
    except Exception as e:
        print(type(e).__name__, e)
print(json.decoder.scanstring('"\x00"', 1, False))

ERRORS = [
    '', ' ', '[', ']', '{', '}', '[1,]', '[1 2]', '{"a" 1}', '{"a":1,}', '{"a":1 "b":2}',
    '{1: 2}', '{"a":}', 'nul', 'tru', 'fals', 'Nan', 'Infinit', '-Infinit', '-', '--1', '01',
    '1.', '1.e5', '1e', '1e+', '.5', '+1', '"\\x"', '"\\u12"', '"\\u1234', '"\\uzzzz"',
    '"\\ud800\\u12"', '"\\ud800\\uzzzz"', '"abc', '"a\x01"', '"\\', '"\\ud800\\', '[1]x',
    '{"a": 1}\n\n  {', '[\n1,\n2,\n]', '\ufeff[]', '"\n"', '[1, [2, [3, ]]]', '{"a":[1,{"b":}]}',
]
for d in ERRORS:
    try:
        print(repr(d), "->", repr(json.loads(d)))
    except json.JSONDecodeError as e:
        print(repr(d), "->", type(e).__name__, e, (e.msg, e.pos, e.lineno, e.colno))

# int conversion limit (4300 digits) applies to the default parse_int
try:
    json.loads("1" * 5000)
except ValueError as e:
    print(type(e).__name__, e)
print(len(str(json.loads("9" * 4300))))

# deep nesting -> RecursionError
try:
    json.loads("[" * 100000 + "]" * 100000)
except RecursionError as e:
    print("RecursionError")
