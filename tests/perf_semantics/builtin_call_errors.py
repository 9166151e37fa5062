# Argument-count errors of builtin functions and bound builtin methods
# called through variables (the builtin_function_or_method call path;
# the qualified name in the message is worked out only on error).
import math
import sys
import itertools

calls = [
    (len, (1, 2), {}), (math.sqrt, (1, 2), {}), (math.sqrt, (), {"x": 1}),
    ([].append, (1, 2), {}), ([].append, (), {}), ([].clear, (1,), {}),
    ({}.keys, (), {"a": 1}), ((1).bit_length, (1,), {}), ("".join, (), {}),
    (sys.getrecursionlimit, (1,), {}), (math.floor, (1, 2), {}), (abs, (), {}),
    (dict.fromkeys, (), {}), (int.from_bytes, (), {}), (object.__new__, (), {}),
    (str.maketrans, (), {}), (itertools.count().__next__, (1,), {}),
    ({}.get, (), {}), (set().add, (), {}), (b"".hex, (1, 2, 3), {}),
    (iter, (), {}), (print, (), {"bad": 1}), (sorted, (), {}),
    ([].sort, (1,), {}), ("".strip, (1, 2), {}), (math.gcd, ("a",), {}),
]
for f, a, k in calls:
    for i in range(20):
        try:
            f(*a, **k)
            msg = "no error"
        except TypeError as e:
            msg = str(e)
    print(msg)

# positional calls at a warm site, mixing good and bad argument counts
app = [].append
for i in range(200):
    try:
        app(i) if i % 50 else app(i, i)
    except TypeError as e:
        msg = str(e)
print(msg)
