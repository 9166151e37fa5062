# json fast paths: loads remembers object keys it has already put through
# its memo (a small cache by their raw characters), so repeated keys must
# still be the same str object, equal to what the text says, for every kind
# of key; encode_basestring(_ascii) quotes plain ASCII strings directly.
import json

docs = [
    '[{"a": 1, "b": 2}, {"a": 3, "b": 4}, {"b": 5, "a": 6}]',
    '[{"k\\u00e9y": 1}, {"k\\u00e9y": 2}, {"k\\"q": 3}, {"k\\"q": 4}]',
    '[{"caf\u00e9": 1}, {"caf\u00e9": 2}, {"x": "\u2603"}, {"x": 0}]',
    '[{"\u2603": 1}, {"\u2603": 2}, {"ab": 1}, {"ab": 2}, {"\U0001f600": 3}, {"\U0001f600": 4}]',
    '[{"%s": 1}, {"%s": 2}]' % ("L" * 70, "L" * 70),
    '[{"%s": 1}, {"%s": 2}]' % ("M" * 64, "M" * 63),
    '[{"": 1}, {"": 2}, {"a": {"": {"a": []}}}]',
    "[" + ", ".join('{"key%d": %d, "key%d": 0}' % (i % 97, i, (i * 7) % 89) for i in range(400)) + "]",
]
for text in docs:
    v = json.loads(text)
    keys = [k for d in v for k in d]
    same = {}
    shared = True
    for k in keys:
        if k in same and same[k] is not k:
            shared = False
        same.setdefault(k, k)
    print(len(keys), sorted(set(keys))[:5], shared)
    print(json.dumps(v, sort_keys=True)[:120])

# Not strict: control characters in keys are allowed and kept.
v = json.loads('[{"a\\tb": 1}, {"a\tb": 2}, {"a\tb": 3}]', strict=False)
print([list(d) for d in v], v[1].popitem()[0] is v[2].popitem()[0])

# object_pairs_hook sees the keys in order, repeated keys kept.
print(json.loads('{"a": 1, "a": 2, "b": {"a": 3}}', object_pairs_hook=lambda p: p))

for bad in ['{"abc', '{"ab\\x": 1}', '{"a": 1, "a\n": 2}', '{"a" 1}', '[{"a": 1}, {"a"}]']:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("error:", e.msg, e.pos)

# A str subclass document and the same text decoded twice.
class S(str):
    pass

t = S('{"q": [{"q": 1}, {"q": 2}]}')
print(json.loads(t), json.loads(t) == json.loads(str(t)))
from json import encoder
f = encoder.encode_basestring_ascii; g = encoder.encode_basestring
for s in ["", "abc", "a\"b", "a\\b", "tab\there", "\x7f", "caf\xe9", "\u2603", "\U0001f600", "~ ", "x" * 100, "\x00", "ascii/slash"]:
    print(repr(f(s)), repr(g(s)), f(s) == g(s), hash(f(s)) == hash(str(f(s))))
class S(str): pass
print(repr(f(S("sub"))), type(f(S("sub"))).__name__)
try:
    f(3)
except TypeError as e:
    print(e)
