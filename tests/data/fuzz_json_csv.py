"""Seeded random inputs for json.loads and csv.reader/writer (mutations of
valid documents: characters inserted, dropped and swapped), every result
or error message printed, so any divergence from python3.11 shows."""
import csv
import io
import json
import random

rng = random.Random(20261126)
ALPHABET = '{}[]":,\\ \t\n\r0123456789.eE+-truefalsnNIfiy\x00\x1f\u00e9\u2603\ud800'
SEEDS = ['{"a": [1, 2.5, -3e2, null, true, false, "s\\u00e9"], "b": {"c": {}}}',
         '[1, [2, [3, {"k": "v"}]], "x\\n", -0.0, 1e400, NaN, -Infinity]',
         '"\\ud834\\udd1e \\u12ab \\"q\\" \\\\"', '  {"k" : 12345678901234567890 }  ']


def mutate(s):
    s = list(s)
    for _ in range(rng.randint(1, 4)):
        op = rng.randint(0, 2)
        i = rng.randint(0, len(s))
        if op == 0:
            s.insert(i, rng.choice(ALPHABET))
        elif op == 1 and s:
            del s[min(i, len(s) - 1)]
        elif s:
            j = rng.randint(0, len(s) - 1)
            s[min(i, len(s) - 1)], s[j] = s[j], s[min(i, len(s) - 1)]
    return "".join(s)


for n in range(1500):
    doc = mutate(rng.choice(SEEDS))
    strict = n % 3 != 0
    try:
        r = repr(json.loads(doc, strict=strict))
    except json.JSONDecodeError as e:
        r = "JSONDecodeError %s %d %d %d" % (e.msg, e.pos, e.lineno, e.colno)
    except (ValueError, RecursionError) as e:
        r = "%s %s" % (type(e).__name__, e)
    print(n, r)

CSV_ALPHABET = 'ab,;"\'\\ \t\n\r|x\u00e9'
DIALECTS = [{}, {"delimiter": ";", "quotechar": "'"}, {"escapechar": "\\", "doublequote": False},
            {"quoting": csv.QUOTE_NONE, "escapechar": "\\"}, {"skipinitialspace": True, "strict": True},
            {"quoting": csv.QUOTE_ALL, "lineterminator": "\n"}, {"delimiter": "|", "quotechar": None}]
for n in range(1500):
    text = "".join(rng.choice(CSV_ALPHABET) for _ in range(rng.randint(0, 30)))
    d = DIALECTS[n % len(DIALECTS)]
    try:
        r = list(csv.reader(io.StringIO(text, newline=""), **d))
    except csv.Error as e:
        r = "Error %s" % e
    out = io.StringIO()
    try:
        w = csv.writer(out, **d)
        w.writerow(text.split(",")[:5])
        back = out.getvalue()
    except csv.Error as e:
        back = "Error %s" % e
    print(n, repr(text), r, repr(back))
