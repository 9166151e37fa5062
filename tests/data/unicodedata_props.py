"""unicodedata (Unicode 14.0.0) and unicodedata.ucd_3_2_0 against python3.11:
every property and the four normal forms over samples of every plane, in
full for a few hundred code points and as a checksum per block for a few
thousand more; lookup of names, aliases, named sequences; errors;
stringprep and the idna codec on top."""
import unicodedata
import zlib

DBS = [("14.0", unicodedata), ("3.2", unicodedata.ucd_3_2_0)]


def row(db, cp):
    c = chr(cp)
    r = [db.category(c), db.bidirectional(c), db.combining(c), db.east_asian_width(c),
         db.mirrored(c), db.decomposition(c), db.decimal(c, None), db.digit(c, None),
         db.numeric(c, None), db.name(c, None)]
    if not 0xD800 <= cp < 0xE000:
        r += [db.normalize(f, c) for f in ("NFC", "NFD", "NFKC", "NFKD")]
        r += [db.is_normalized(f, c) for f in ("NFC", "NFD", "NFKC", "NFKD")]
    return r


FULL = list(range(0x20, 0x80, 5)) + list(range(0xA0, 0x250, 3)) + list(range(0x300, 0x370, 2)) + [
    0x387, 0x3D3, 0x41F, 0x5D0, 0x627, 0x660, 0x6F5, 0x958, 0x966, 0xE50, 0xF73, 0x1100, 0x1161,
    0x11A8, 0x1E9B, 0x1F80, 0x2126, 0x212B, 0x2153, 0x2160, 0x2460, 0x2A0C, 0x3000, 0x3070, 0x3099,
    0x3131, 0x4E00, 0x9FFF, 0xAC00, 0xAC01, 0xD7A3, 0xF900, 0xF951, 0xFB01, 0xFB1D, 0xFDFA, 0xFE70,
    0xFF21, 0xFFFD, 0x10400, 0x16FE4, 0x18B00, 0x1B170, 0x1D15E, 0x1D400, 0x1F100, 0x1F600, 0x20000,
    0x2A6DF, 0x2F800, 0x2F868, 0x2F874, 0x2F91F, 0x2F95F, 0x2F9BF, 0x30000, 0xE0001, 0xF0000,
    0x10FFFD, 0x10FFFF]
for label, db in DBS:
    print("--", label, db.unidata_version)
    for cp in FULL:
        print("%04X" % cp, row(db, cp))

BLOCKS = [(0, 0x3400, 3), (0x3400, 0xA000, 97), (0xA000, 0x10000, 5), (0x10000, 0x20000, 11),
          (0x20000, 0x40000, 211), (0xE0000, 0x110000, 1009)]
for label, db in DBS:
    for lo, hi, step in BLOCKS:
        crc = 0
        for cp in range(lo, hi, step):
            crc = zlib.crc32(repr(row(db, cp)).encode("utf-8", "surrogatepass"), crc)
        print(label, "%05X-%05X/%d" % (lo, hi, step), crc)

TEXTS = ["e\u0301\u0327 \u1e9b\u0323 \uac00\u11a8 \u1100\u1161\u11a8 \ufb01 \u2460 A\u030a\u0301",
         "\u0041\u0315\u0300\u05ae\u0300\u0062", "\U0001d15e\U0001d165", "\u0f73\u0f75\u0f81",
         "x\u0345\u0301\u0313", "\uf951\U0002f868\U0002f874\U0002f91f\U0002f95f\U0002f9bf",
         "\u1100\uac00\u11a8\u11a8", "caf\u00e9 na\u0308ive \u212b\u2126 \u00bd \u33a1",
         "plain ascii", ""]
for label, db in DBS:
    for s in TEXTS:
        print(label, [db.normalize(f, s) for f in ("NFC", "NFD", "NFKC", "NFKD")],
              [db.is_normalized(f, s) for f in ("NFC", "NFD", "NFKC", "NFKD")])


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


NAMES = ["LATIN SMALL LETTER A", "latin small letter a", "SNOWMAN", "BYTE ORDER MARK", "LINE FEED",
         "NULL", "KEYCAP NUMBER SIGN", "LATIN CAPITAL LETTER A WITH MACRON AND GRAVE",
         "HANGUL SYLLABLE GA", "HANGUL SYLLABLE GAG", "hangul syllable ga", "HANGUL SYLLABLE",
         "HANGUL SYLLABLE XX", "CJK UNIFIED IDEOGRAPH-4E00", "CJK UNIFIED IDEOGRAPH-04E00",
         "CJK UNIFIED IDEOGRAPH-4e00", "cjk unified ideograph-4E00", "CJK UNIFIED IDEOGRAPH-9FFF",
         "CJK COMPATIBILITY IDEOGRAPH-f900", "NUSHU CHARACTER-1B170",
         "KHITAN SMALL SCRIPT CHARACTER-18B00", "TANGUT IDEOGRAPH-17000", "x" * 300, "caf\u00e9",
         " LATIN SMALL LETTER A", b"GREEK SMALL LETTER ALPHA"]
for label, db in DBS:
    for n in NAMES:
        t(lambda: db.lookup(n))
    t(lambda: db.lookup(1))
    for f in (db.category, db.name, db.decimal, db.combining, db.decomposition):
        t(lambda: f("ab"))
        t(lambda: f(1))
    t(lambda: db.decimal("a", "dflt"))
    t(lambda: db.digit("a"))
    t(lambda: db.numeric("a"))
    t(lambda: db.decimal("a"))
    t(lambda: db.name("\x00"))
    t(lambda: db.name("\x00", 5))
    t(lambda: db.normalize("NFX", "a"))
    t(lambda: db.normalize("NFC", 1))
    t(lambda: db.is_normalized("NFC"))
t(lambda: unicodedata.UCD())
t(lambda: type(unicodedata.ucd_3_2_0).__name__)
print("\N{SNOWMAN}", "\N{LATIN SMALL LETTER A WITH GRAVE}")

import stringprep
import encodings.idna   # Kiln does not import `encodings` at start-up (yet)
print([stringprep.in_table_a1(chr(c)) for c in (0x221, 0x41, 0x10FFFD)],
      stringprep.in_table_b1("\u00ad"), stringprep.map_table_b2("\u0041"), stringprep.map_table_b2("\u00df"),
      stringprep.map_table_b3("\u1e9e"), stringprep.in_table_c12("\u3000"),
      stringprep.in_table_d1("\u05d0"), stringprep.in_table_d2("a"))
print("b\u00fccher.example".encode("idna"), b"xn--bcher-kva.example".decode("idna"),
      "\u30c6\u30b9\u30c8.jp".encode("idna"))
t(lambda: "a\u0221.com".encode("idna"))


class S(str):
    pass


for s in (S("caf\u00e9"), S("cafe\u0301"), S("abc")):
    print([type(unicodedata.normalize(f, s)).__name__ for f in ("NFC", "NFD", "NFKC", "NFKD")])
