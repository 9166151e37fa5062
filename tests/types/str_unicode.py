"""str predicates and case mappings over a spread of code points, and splitlines/strip/split whitespace rules."""
from _typetest import OBJ_SKIP, fmt, res, run_table, scrub, short, show  # noqa: F401

cps = list(range(0, 0x250)) + [0x300, 0x345, 0x370, 0x390, 0x3a3, 0x3c2, 0x3f4, 0x1e9e, 0x1f80, 0x1f88,
      0x1fbc, 0x2126, 0x212a, 0x2160, 0x2170, 0x24b6, 0x2c00, 0xa7ae, 0xab70, 0xfb00, 0xfb03, 0xff21,
      0x10400, 0x1d400, 0x1f600, 0x0660, 0x06f0, 0x0966, 0x00b2, 0x00bd, 0x2155, 0x3007, 0x4e00, 0x2028,
      0x2029, 0x1c, 0x1d, 0x1e, 0x1f, 0x85, 0x200b, 0x3000, 0x180e, 0xfeff, 0xad, 0xe000, 0xd800, 0xe0001,
      0x10ffff, 0x1f1e6, 0x0130, 0x0131, 0x01c5, 0x01c8, 0x01cb, 0x01f2, 0x0149, 0x01f0, 0x0390, 0x03b0,
      0x0587, 0x1e96, 0x1f50, 0xfb13]
preds = ["isalnum", "isalpha", "isdecimal", "isdigit", "isidentifier", "islower", "isnumeric",
         "isprintable", "isspace", "istitle", "isupper"]
maps = ["lower", "upper", "title", "capitalize", "swapcase", "casefold"]
for cp in cps:
    c = chr(cp)
    bits = "".join("1" if getattr(c, p)() else "0" for p in preds)
    m = [ascii(getattr(c, f)()) for f in maps]
    print("%06x" % cp, bits, " ".join(m), ascii(repr(c)))
for s in ["hello world", "HELLO wORLD", "they're bill's friends", "ǆemal ǈubo", "ΣΑΣ ΟΔΟΣ", "ὈΔΥΣΣΕΎΣ", "ß straße",
          "ﬁnd ﬂow", "i̇stanbul", "a1b2 c3", "  lead", "x\u0345y", "ΑΣ.", "Σ", "aΣ", "aΣb", "aΣ b", "1Σ", "a\u0345Σ"]:
    print(ascii(s), [ascii(getattr(s, f)()) for f in maps], s.istitle(), s.isupper(), s.islower())
ws = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
print(ascii(ws), len(ws))
t = "a\nb\rc\r\nd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l"
print(t.splitlines(), t.splitlines(True), t.split(), ascii(ws.strip()), ("x" + ws + "y").split())
print(b"a\nb\rc\r\nd\x0be\x0cf\x1cg".splitlines(), b"a\x1cb \x0bc\x0cd".split(), b" \t\n\r\x0b\x0cx\x1c".strip())
for n in ["abc", "_", "a1", "1a", "ǅ", "ℵ", "℘", "x\u0300", "\u0300x", "a-b", "", "ⅷ", "𝔘𝔫", "é", "\u2118", "\u212e", "·", "a·"]:
    print(ascii(n), n.isidentifier())
for s in ["", "Abc", "ABC", "abc", "A", "Ab Cd", "Ab cd", "AB cd", "1A", "A1", "ǅ", "ǅa", "Ǆa", "ΣΑΣ", "ᾼ", "ᾈa"]:
    print(ascii(s), s.istitle(), s.isupper(), s.islower(), ascii(s.title()), ascii(s.capitalize()))
print("ŉ".upper(), "ǰ".upper(), "ᾳ".upper(), "ᾳ".title(), "ﬃ".title(), "ﬃ".capitalize(), "İ".casefold(), "ẞ".casefold())
print("ABC".center(10, "é"), "é".zfill(4), "+é".zfill(4), "-".zfill(3), "x\ty\u00e9\tz".expandtabs(3))
print("%5s|%-5s|%.1s|%c" % ("é", "€", "𝔘x", 0x1f600), "{:é^9}".format("x"), f"{'ẞ':>4}")
print(sorted("bBaAéÉ_1"), "é" < "z", "\U0001f600" > "\uffff", max("a\U0001f600\uffff"))
print("x".join(["é", "\U0001f600", ""]), ("é" * 3).count("é"), "aéaéa".split("é"), "é\U0001f600é".rfind("é"), "\U0001f600".encode("utf-16"))
