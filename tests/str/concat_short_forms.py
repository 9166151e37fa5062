# str + str: the short compact-ASCII path and everything around it
# (non-ASCII / astral pieces, empty pieces, subclasses with __add__ /
# __radd__, identity where CPython returns an operand).

pieces = ["", "a", "ka", "lo", "x" * 30, "y" * 33, "z" * 63, "é", "ÿ", "Ω", "€",
          "\U0001F600", "a\x00b", "\x7f", "\x80"]


def cat(a, b):
    return a + b


def cat3(a, b, c):
    return a + b + c


for _ in range(3):               # warm: BINARY_OP_ADD_UNICODE is written
    out = [cat(a, b) for a in pieces for b in pieces]
print([(len(s), s.isascii(), ascii(s)[:12]) for s in out])
print(sum(map(hash, out)) == sum(hash(a + b) for a in pieces for b in pieces))
print([cat3(a, b, c) == "".join((a, b, c)) for a in pieces for b in pieces for c in pieces[:5]])

# results are real strs usable as keys, comparable, hashable, encodable
d = {}
for _ in range(3):
    for a in pieces:
        for b in pieces:
            d[cat(a, b)] = d.get(cat(a, b), 0) + 1
print(sorted(d.items())[:10], len(d))
print(cat("ka", "lo").encode(), cat("ka", "lo").upper(), cat("ka", "lo")[1:3], cat("k", "é").encode())

# identity: an empty side gives the other exact str itself
s = "hello"
print(cat(s, "") is s, cat("", s) is s, cat("", "") == "")


class S(str):
    pass


class A(str):
    def __add__(self, o):
        return "A.add"

    def __radd__(self, o):
        return "A.radd"


class R(str):
    def __radd__(self, o):
        return "R.radd(" + o + ")"


for _ in range(30):
    r = [cat("ab", S("cd")), type(cat("ab", S("cd"))).__name__, type(cat(S("ab"), "cd")).__name__,
         cat(S("ab"), "") is not None, type(cat(S("ab"), "")).__name__, type(cat("", S("ab"))).__name__,
         cat(A("x"), "y"), cat("y", A("x")), cat("y", R("x")), cat(R("x"), "y")]
print(r)

try:
    cat("a", 1)
except TypeError as e:
    print(e)
try:
    cat(1, "a")
except TypeError as e:
    print(e)
