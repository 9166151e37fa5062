"""marshal: CPython's bytes for freshly built values, round trips, errors."""
import marshal

exprs = [
    "None", "True", "False", "...", "StopIteration", "0", "-1", "255", "256", "257", "-5", "-6",
    "2**31 - 1", "2**31", "-2**31", "-2**31 - 1", "2**62", "-(2**100)", "10**50",
    "0.0", "-0.0", "1e300", "float('inf')", "1.5", "3j", "1-2j",
    "''", "'a'", "'ab'", "'a b'", "'x y' * 100", "'\\u00e9'", "'\\u20ac'", "'\\U0001f600'",
    "'\\ud800'", "b''", "b'a'", "b'ab'", "bytearray(b'xy')",
    "()", "(1,)", "(1, (2, (3,)))", "tuple(range(300))", "[]", "[1, [2, []]]",
    "{}", "{'a': 1, 2: [3]}", "set()", "{1, 2, 3}", "frozenset()", "frozenset({'a'})",
    "[[]] * 3", "(1.5,) * 2", "('abc', 'abc')", "[b'xy'] * 2",
]
for e in exprs:
    v = eval(e)
    for version in (0, 2, 4):
        try:
            data = marshal.dumps(eval(e), version)
        except ValueError as x:
            print(e, version, "ValueError", x)
            continue
        back = marshal.loads(data)
        same = back == v or (back != back and v != v) or (isinstance(v, float) and repr(back) == repr(v))
        print(e, version, data.hex(), same)

for bad in [b"", b"i\x01", b"?", b"(\x02\x00\x00\x00N", b"r\x00\x00\x00\x00"]:
    try:
        marshal.loads(bad)
    except (ValueError, EOFError, TypeError) as x:
        print(bad, type(x).__name__, x)

for obj in [object(), marshal, int, 1 .bit_length]:
    try:
        marshal.dumps(obj)
    except ValueError as x:
        print(type(obj).__name__, x)
print(marshal.version)
