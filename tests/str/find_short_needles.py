# find / count / replace / split / in with short needles: the memchr +
# compare search and its memmem fallback after many false candidates,
# checked against a naive search and printed for CPython to compare.
import random

rng = random.Random(4242)


def naive_find(h, n, start=0):
    for i in range(start, len(h) - len(n) + 1):
        if h[i:i + len(n)] == n:
            return i
    return -1


def naive_count(h, n):
    c, i = 0, 0
    while True:
        j = naive_find(h, n, i)
        if j < 0:
            return c
        c += 1
        i = j + len(n)


alphabets = ["ab", "abc", "a", "xyz,", "ab\xe9", "a\u20acb"]
for trial in range(1500):
    alpha = rng.choice(alphabets)
    h = "".join(rng.choice(alpha) for _ in range(rng.randrange(0, 300)))
    m = rng.choice([2, 2, 3, 4, 5, 8, 16, 31, 32, 33, 40])
    if h and rng.random() < 0.5:
        i = rng.randrange(len(h))
        nd = h[i:i + m]
    else:
        nd = "".join(rng.choice(alpha) for _ in range(m))
    if len(nd) < 2:
        continue
    f = h.find(nd)
    assert f == naive_find(h, nd), (h, nd)
    assert h.count(nd) == naive_count(h, nd), (h, nd)
    assert (nd in h) == (f >= 0)
    r = h.replace(nd, "#")
    assert r == "#".join(h.split(nd))
    print(trial, f, h.count(nd), len(r), len(h.split(nd)), h.rfind(nd))
# many false first-byte candidates: past the fallback threshold
for n in (10, 100, 1000, 100000):
    h = "a" * n + "ab" + "a" * 5
    for nd in ("ab", "aab", "a" * 31 + "b", "a" * 32 + "b", "ba"):
        print(n, len(nd), h.find(nd), h.count(nd), len(h.replace(nd, "")), h.rfind(nd))
    h = ("ab" * n) + "abc"
    print(n, h.find("abc"), h.find("bc"), h.count("ab"), h.find("abd"))
print("x,y,,z".split(","), "x,y,,z".split(",,"), "aaa".split("aa"), "".split(","))
print("a\x00b\x00\x00c".find("\x00\x00"), "\x00\x00\x00".count("\x00\x00"))
# split() on white space, 1-byte strings (ASCII and Latin-1 white space)
ws = [" ", "\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0"]
other = ["a", "b", "\xe9", "\x84", "\x86", "\x9f", "\xa1", "\x00", "\x08", "\x20"[0:0] or "z"]
for trial in range(600):
    s = "".join(rng.choice(ws + other) for _ in range(rng.randrange(0, 30)))
    for maxsplit in (-1, 0, 1, 2, 5):
        parts = s.split(None, maxsplit)
        print(ascii(parts), ascii(s.rsplit(None, maxsplit)) if maxsplit in (-1, 1) else "")
# str.join: the type check happens in the length pass
class S(str):
    pass
for items in (["a", 1], [1], ["a", "b", None, 3], [S("x")], ["a", S("\u20ac"), "b"], [], ("t", "u")):
    try:
        r = "-".join(items)
        print(ascii(r), type(r).__name__)
    except TypeError as e:
        print("TypeError", e)
# long joins (the one-pass path and its fall-backs)
base = [str(i) for i in range(600)]
for sep in ("", ",", "\xe9", "\u20ac", "\U0001f600", "ab"):
    for extra, pos in ((None, 0), ("\xe9", 5), ("\xe9", 599), ("\u0100", 300), ("\U00010000", 599),
                       (S("sub"), 10), ("", 42), (7, 300), (None, 599)):
        items = list(base)
        if extra is not None or pos:
            items[pos] = extra
        try:
            r = sep.join(items)
            print(ascii(sep), pos, len(r), max(r), hash(r) == hash(r[:]), ascii(r[:20]), ascii(r[-12:]))
            assert r == sep.join(items[:300]) + (sep + sep.join(items[300:]))
        except TypeError as e:
            print(ascii(sep), pos, "TypeError", e)
print(len("".join([""] * 1000)), ascii("".join(["\xe9"] * 300)[:3]), "".join(("x",) * 300) == "x" * 300)
# split with a one-character separator (the memchr path) and maxsplit
for trial in range(400):
    alpha = rng.choice(["a,", ",", "a,\xe9", "\xe9,", "a\u20ac,"])
    h = "".join(rng.choice(alpha) for _ in range(rng.randrange(0, 20)))
    sep = rng.choice([",", "\xe9", "a", "\u20ac"])
    for maxsplit in (-1, 0, 1, 3):
        parts = h.split(sep, maxsplit)
        assert sep.join(parts) == h
        print(ascii(parts), ascii(h.rsplit(sep, maxsplit)))
