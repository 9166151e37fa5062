# Search start-position filters (literal prefix, first-character sets) and
# character-class bitmaps must not change any result: every pattern here is
# run with search/findall/finditer/split/sub over subjects of all three str
# kinds, with pos/endpos, and the output compared with CPython's.
import re

subjects = [
    "user12@example3.org visited /page/5?id=35 on 2024-01-02; next",
    "xx;  yy;zz ;; ",
    "",
    "a",
    "Straße STRASSE strasse ǅ ǆ Ǆ K k \u212a",
    "é9 ü1 ñ22 — 123 ٣٤ \u0663 tab\there\nnew line\r\n",
    "\U0001F600 smile 42 \U0001F600x",
    "AAAaaa bbb BBB _x_ 9_9",
]

patterns = [
    (r"([a-z]+\d+)@([a-z]+\d*)\.org", 0),
    (r"(\d{4})-(\d{2})-(\d{2})", 0),
    (r"/page/(\d+)\?id=(\d+)", 0),
    (r";\s*", 0),
    (r"example1[0-2]\.org", 0),
    (r"\d+", 0),
    (r"\w+", 0),
    (r"\w+", re.ASCII),
    (r"\s+", 0),
    (r"[^a-z ]+", 0),
    (r"strasse", re.IGNORECASE),
    (r"[k-s]+", re.IGNORECASE),
    (r"k", re.IGNORECASE),
    (r"ǆ", re.IGNORECASE),
    (r"(?:ab|cd|x)y?", 0),
    (r"(a|b|)c?", 0),
    (r"(?:a|\d)+", 0),
    (r"a*", 0),
    (r"x?", 0),
    (r"\b\w", 0),
    (r"^\w+", re.MULTILINE),
    (r"$", re.MULTILINE),
    (r"(?=\d)\d\d", 0),
    (r"(?<=\s)\w", 0),
    (r"(?:(?:\d)){2,}", 0),
    (r"(?>a+)b?", 0),
    (r"a++", 0),
    (r"(\w)\1", 0),
    (r"[\U0001F600]+", 0),
    (r"[^\x00-\x7f]", 0),
    (r".", re.DOTALL),
    (r"\D\S", 0),
    (r"[\d\s]+", 0),
    (r"(?i:S)t", 0),
    (r"(?:x|y)(?:z|;)", 0),
    (r"(?:)", 0),
    (r"\Aus", 0),
    (r"e\Z", 0),
]

for pat, flags in patterns:
    rx = re.compile(pat, flags)
    for s in subjects:
        out = []
        m = rx.search(s)
        out.append(m and (m.span(), m.groups(), m.lastindex))
        out.append(rx.findall(s))
        out.append([(m.span(), m.lastindex, m.lastgroup) for m in rx.finditer(s)])
        out.append(rx.split(s))
        out.append(rx.sub("<>", s))
        out.append(rx.subn(lambda m: m.group(0).upper(), s, count=3))
        for pos in (1, 3):
            for endpos in (len(s), max(0, len(s) - 2)):
                m = rx.search(s, pos, endpos)
                out.append(m and m.span())
                out.append(rx.findall(s, pos, endpos))
        print(pat, flags, out)

# the same over bytes
for pat in (rb"\d+", rb";\s*", rb"(ab|x)y", rb"[^a-z]", rb"page/(\d+)", rb"k"):
    for s in (b"page/12; abxy xy K k \xff\x00", b""):
        print(pat, re.findall(pat, s), re.split(pat, s), re.sub(pat, b"-", s),
              re.findall(pat, s, re.IGNORECASE))

# empty matches after non-empty ones (must-advance rule)
for pat in (r"\d*", r"x*", r"(?:;|)", r"\b"):
    print(pat, re.sub(pat, "-", "a1;22b"), re.split(pat, "a1;22b"), re.findall(pat, "a1;22b"),
          [m.span() for m in re.finditer(pat, "a1;22b")])

# long subjects with a rare start character
big = "z" * 5000 + "ab12" + "z" * 3000 + "ab3"
print(re.findall(r"ab(\d+)", big), re.search(r"(b)(\d)$", big).span(), len(re.split("ab", big)))
print(re.search(r"[0-9]{2}", "q" * 10000 + "1x23").span())
