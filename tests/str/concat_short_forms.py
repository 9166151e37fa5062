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

# slices of ASCII strs around the short-result bound, and of wider kinds
long_ascii = "".join(chr(33 + i % 90) for i in range(200))
mixed = "aé€\U0001F600" * 20


def sl(s, i, j):
    return s[i:j]


for _ in range(3):
    r = [sl(long_ascii, i, j) for i in (0, 1, 5, 60) for j in (0, 1, 2, 3, 63, 64, 65, 66, 130, -1)]
    m = [sl(mixed, i, j) for i in (0, 1, 2, 3) for j in (1, 2, 3, 4, 5, 40, -1)]
print([(len(x), x[:3], x[-2:]) for x in r])
print([(len(x), ascii(x[:4])) for x in m])
print(sl("ab", 0, 1) is sl("xa", 1, 2), sl("abc", 0, 3) == "abc", sl("kalomi", 0, 2).isascii())
w = "kalomi"
print({sl(w, 0, 2): 1}.get("ka"), hash(sl(w, 0, 2)) == hash("ka"), sl(w, 0, 2) + sl(w, 2, 4))
