"""json: dumps and loads of nested documents (the stdlib json module)."""
import json


def document(n):
    return {
        "users": [{"id": i, "name": "user%d" % i, "score": i * 1.25, "active": i % 3 == 0,
                   "tags": ["t%d" % (i % 7), "g%d" % (i % 11)], "meta": None}
                  for i in range(n)],
        "title": "caf\u00e9 \u2603 report",
        "nested": {"a": [1, 2, [3, 4, {"b": "c"}]], "d": {"e": {"f": [True, False]}}},
    }


def bench():
    doc = document(2000)
    total = 0
    for _ in range(15):
        text = json.dumps(doc)
        pretty = json.dumps(doc, indent=2, sort_keys=True)
        back = json.loads(text)
        again = json.loads(pretty)
        total += len(text) + len(pretty) + len(back["users"]) + (back == again)
    return total


def check(result):
    return result == EXPECTED


EXPECTED = 8298345
