# json.loads numbers: the exact short-decimal path and the strtod fallback
# must both give the correctly rounded double (compared with CPython).
import json
import random

rng = random.Random(1126)
fixed = ["0", "-0", "0.0", "-0.0", "1", "-1", "12", "1.5", "0.1", "0.3", "1e5", "1E+05",
         "1e-5", "2.5e-3", "123456789012345", "1234567890123456", "123456789012345678",
         "1234567890123456789", "-999999999999999999", "9007199254740993", "9007199254740993.0",
         "0.1234567890123456789", "1.000000000000000000", "1e22", "1e23", "1e-22", "1e-23",
         "4.9e-324", "2.2250738585072014e-308", "1.7976931348623157e308", "1e309", "-1e309",
         "0.000001", "1e0005", "1e-0005", "123.456e-7", "5e-325", "0.00000000000000000000001"]
for t in fixed:
    v = json.loads(t)
    print(t, type(v).__name__, repr(v))
vals = []
for i in range(4000):
    k = i % 4
    if k == 0:
        t = "%d.%0*d" % (rng.randrange(0, 10 ** rng.randrange(0, 10)), rng.randrange(1, 9),
                         rng.randrange(0, 10 ** 8))
    elif k == 1:
        t = "%de%d" % (rng.randrange(1, 10 ** rng.randrange(1, 17)), rng.randrange(-30, 30))
    elif k == 2:
        t = repr(rng.random() * 10 ** rng.randrange(-20, 20))
    else:
        t = str(rng.randrange(-10 ** 20, 10 ** 20))
    if rng.random() < 0.3:
        t = "-" + t if not t.startswith("-") else t[1:]
    vals.append(t)
doc = json.loads("[" + ",".join(vals) + "]")
for t, v in zip(vals, doc):
    if isinstance(v, float):
        assert v == float(t), t
    print(repr(v))
