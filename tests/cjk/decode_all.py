"""Every one- and two-byte sequence of each codec (and gb18030's four-byte
space sampled): digests of what replace / ignore give and of every error
a recording handler sees (start, end, reason)."""
import codecs
from _common import ALL, digest

seen = []


def record(exc):
    seen.append((exc.start, exc.end, exc.reason))
    return ("<%d>" % (exc.end - exc.start), exc.end)


codecs.register_error("test.cjk.record", record)


def pairs():
    out = bytearray()
    for lead in range(0x80, 0x100):
        for trail in range(0x00, 0x100):
            out += bytes([lead, trail, 0x41])
    return bytes(out)


def fours():
    out = bytearray()
    for b1 in (0x81, 0x82, 0x84, 0x85, 0x8f, 0x90, 0xe3, 0xe4, 0xfe):
        for b2 in (0x30, 0x31, 0x35, 0x39):
            for b3 in range(0x7f, 0x100, 3):
                for b4 in (0x2f, 0x30, 0x34, 0x39, 0x3a):
                    out += bytes([b1, b2, b3, b4])
    return bytes(out)


SINGLE = bytes(range(256))
DOUBLE = pairs()
for enc in ALL:
    for name, data in (("single", SINGLE), ("double", DOUBLE)):
        seen.clear()
        rep = data.decode(enc, "replace")
        ign = data.decode(enc, "ignore")
        rec = data.decode(enc, "test.cjk.record")
        print(enc, name, len(rep), digest(rep), len(ign), digest(ign), digest(rec),
              len(seen), digest(repr(seen)))
seen.clear()
data = fours()
print("gb18030 four", digest(data.decode("gb18030", "test.cjk.record")), len(seen),
      digest(repr(seen)))
# euc_kr make-up sequences
for data in (b"\xa4\xd4\xa4\xa1\xa4\xbf\xa4\xa2", b"\xa4\xd4\xa4\xa1\xa4\xbf\xa4\xd4",
             b"\xa4\xd4\xa4\xa1\xa4\xbf", b"\xa4\xd4\xa4\xa1\xa4\xbf\xa4\xff",
             b"\xa4\xd4AAAAAA", b"x\xa4\xd4\xa4\xd4\xa4\xd4\xa4\xd4y"):
    seen.clear()
    print(data, ascii(data.decode("euc_kr", "test.cjk.record")), seen)
