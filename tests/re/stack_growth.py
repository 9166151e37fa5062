# Matches whose frame / repeat / mark stacks outgrow the room kept inside
# the matcher state (then move to the heap), many groups, lastindex and
# groups() after backtracking, and catastrophic-but-bounded backtracking.
import re

# 30 groups: 60 marks, more than the inline room
pat = "".join("(%s)" % chr(97 + i % 26) for i in range(30))
s = "".join(chr(97 + i % 26) for i in range(30))
m = re.search(pat, "xx" + s + "yy")
print(m.span(), m.lastindex, m.groups()[-3:], m.span(30))

# nested repeats: many REPEAT records alive at once
nested = "(?:" * 12 + "a" + ")+" * 12
print(re.fullmatch(nested, "a" * 50) is not None, re.fullmatch(nested + "b", "a" * 3))

# alternation inside a repeat saves marks on the data stack at every step
m = re.fullmatch(r"(?:(a)|(b)|(c))*", "abcabcabc" * 40)
print(m.span(), m.lastindex, m.groups())
m = re.match(r"(?:(a)|b)*c", "ab" * 3000 + "c")
print(m.span(), m.groups(), m.lastindex)

# deep backtracking: each step of the lazy/greedy repeat is a frame
m = re.match(r"(x+x+)+y", "x" * 18 + "y")
print(m.span(), m.group(1))
print(re.match(r"(x+x+)+y", "x" * 16))
m = re.search(r"(.*?)(\d+)(.*)", "abc" * 400 + "123" + "def" * 400)
print(m.span(1), m.span(2), m.span(3))
m = re.search(r"((?:a|b)*?)c", "ab" * 2000 + "c")
print(m.span(), m.span(1))

# lastindex / lastgroup after alternatives fail and succeed
for p, t in [(r"(a)(b)?", "ac"), (r"(?P<x>a)|(?P<y>b)", "b"), (r"((a)b)", "ab"),
             (r"(a)|b", "b"), (r"(?:(a)|(b))+", "ab"), (r"(a)(?:(b)|c)", "ac")]:
    m = re.match(p, t)
    print(p, m.lastindex, m.lastgroup, m.groups(), m.regs)

# empty matches in sub / findall / split
for p in (r"", r"a*", r"(?=b)", r"\b", r"(a)|(?=c)"):
    print(repr(p), re.sub(p, "-", "abcab"), re.findall(p, "abcab"), re.split(p, "abcab"))
