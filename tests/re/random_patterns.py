# Random patterns (groups, every repeat kind, alternation, atomic groups,
# lookarounds) over short subjects: spans, groups, lastindex and regs of
# finditer/sub/split/fullmatch/match must be CPython's, including the stale
# group marks CPython leaves after failed backtracking (the matcher may
# only skip work that leaves no trace).
import random
import re

rng = random.Random(1126)
atoms = ["a", "b", "x", "[ab]", "\\w", "\\d", ".", "[^a]", "(?:a|b)", "\\s"]
quants = ["*", "+", "?", "*?", "+?", "{1,3}", "{2}", "{0,2}?", "*+", "++", "?+"]

def gen(d=0):
    if d > 3 or rng.random() < 0.3:
        return rng.choice(atoms)
    k = rng.random()
    if k < 0.25:
        return "(" + gen(d + 1) + gen(d + 1) + ")"
    if k < 0.45:
        return gen(d + 1) + rng.choice(quants)
    if k < 0.6:
        return "(" + gen(d + 1) + "|" + gen(d + 1) + ")"
    if k < 0.7:
        return rng.choice(["(?:", "(?>", "(?=", "(?!"]) + gen(d + 1) + ")" + rng.choice(["*", "+", "?", ""])
    return gen(d + 1) + gen(d + 1)

pats = []
while len(pats) < 160:
    p = gen()
    try:
        re.compile(p)
    except re.error:
        continue
    pats.append(p)

subjects = ["abxab1 ba", "aab  xbb9a", "xxxx", "ab ab ab", "", "b1a2x3 ", "\u00e9a\u0661b"]
for p in pats:
    rx = re.compile(p)
    for s in subjects:
        r = [(m.span(), m.groups(), m.lastindex, m.regs) for m in rx.finditer(s)]
        r.append(rx.sub("-", s))
        r.append(rx.split(s))
        m = rx.fullmatch(s)
        r.append(m and m.regs)
        m = rx.match(s)
        r.append(m and m.regs)
        print(p, repr(s), r)
