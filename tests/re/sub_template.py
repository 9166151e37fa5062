# re.sub / subn with templates (expanded natively for exact str/bytes subjects)
# against callables, bytes-like subjects and str subclasses.
import re, warnings
text = "a1b22c333 x-y 2024-01-02; é9 ü"
for pat, repl in [(r"(\d+)", r"<\1>"), (r"(\d)(\d)?", r"[\2|\1]"), (r"(?P<n>\d+)", r"\g<n>\g<0>\g<n>"),
                  (r"(a)|(b)", r"\1-\2"), (r"x", r"\n\t\\"), (r"", r"-"), (r"(\w)", r"\1\1"),
                  (r"(?P<y>\d{4})-(?P<m>\d\d)", r"\g<m>/\g<y>"), (r"(é|ü)", r"«\1»")]:
    print(repr(re.sub(pat, repl, text)), re.subn(pat, repl, text, count=2))
print(re.sub(rb"(\d+)", rb"<\1>", b"a12b3"), re.sub(rb"(\d+)", rb"<\1>", bytearray(b"a12b3")))
class S(str):
    def __getitem__(self, i):
        return S("Z") if isinstance(i, slice) and i.stop == 0 else str.__getitem__(self, i)
print(repr(re.sub(r"(\d)", r"<\1>", S("a1b2"))))
try:
    re.sub(r"(a)", r"\2", "aaa")
except re.error as e:
    print("error", e)
print(re.sub(r"(a)(b)?", lambda m: str(m.groups()), "abaa"))
# joined pieces of every width: ASCII text with Latin-1, BMP and astral
# replacements, and the other way round; str subclass and non-str results
for repl in ("é", "€", "\U0001F600", "", "ab", lambda m: "ü" * len(m.group())):
    for text in ("a1b22c333", "é1€22\U0001F600333", "1é", "x"):
        r = re.sub(r"\d+", repl, text)
        print(ascii(r), len(r), r.isascii())
class T(str):
    pass
print(ascii(re.sub("b", T("\u20ac"), "abcb")), type(re.sub("b", T("x"), "abcb")).__name__)
try:
    re.sub("b", lambda m: 5, "abcb")
except TypeError as e:
    print("TypeError", e)
