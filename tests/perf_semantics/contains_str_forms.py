# `in` / `not in` with str containers at warm sites (CONTAINS_OP_Q /
# CONTAINS_OP_JUMP search an exact str in an exact str directly): kinds,
# empty strings, subclasses, overridden __contains__, errors.


class S(str):
    def __contains__(self, item):
        return item == "magic"


class K(str):
    def __eq__(self, other):
        return True

    __hash__ = str.__hash__


def count(pairs, n=300):
    hits = misses = 0
    for i in range(n):
        for key, s in pairs:
            if key in s:
                hits += 1
            if key not in s:
                misses += 1
    return hits, misses


def flags(pairs):
    return [(k in s, k not in s) for k, s in pairs for _ in range(60)][::60]


pairs = [("e", "abcdefgh"), ("z", "abcdefgh"), ("", "abc"), ("", ""), ("a", ""),
         ("\n", "\n"), ("déf", "abcdéfgh"), ("é", "abc"), ("\u20ac", "x\u20acy"),
         ("\U0001f600", "a\U0001f600b"), ("\U0001f600", "a\u20acb"), ("ab" * 40, "ab" * 41),
         ("abd", "ab" * 100 + "abd"), ("a\u20ac", "a\U0001f600")]
print(count(pairs))
print(flags(pairs))
print(flags([("magic", S("xyz")), ("x", S("xyz")), (K("q"), "abc"), (K("b"), "abc"),
             ("b", K("abc")), (K("a"), S("zz"))]))

for bad in (1, None, b"a", ["a"], 2.5):
    for i in range(100):
        try:
            bad in "abc"
        except TypeError as e:
            msg = str(e)
    print(msg)
    try:
        if bad not in "abc":
            pass
    except TypeError as e:
        print("jump", e)

# a site that sees str, then other containers
res = []
for c in ["abc", {"a": 1}, ["a"], ("b",), {"a"}, frozenset("x"), "xyz", range(3), b"abc"]:
    for i in range(70):
        try:
            r = "a" in c
        except TypeError as e:
            r = str(e)
    res.append(r)
print(res)
