"""Every codec encodes every BMP character (and the planes its tables
reach): digest of the encoding of all encodable ones, count of the others,
and the round trip back."""
# Kiln installs the str.encode hook for registry codecs when _codecs is
# first imported (CPython imports encodings at start-up); see NOTES-cjk.md.
import codecs  # noqa: F401
from _common import ALL, digest

PLANES = [range(0, 0xD800), range(0xE000, 0x10000), range(0x20000, 0x2B000)]


def run(enc):
    good, bad = [], 0
    for plane in PLANES:
        for cp in plane:
            ch = chr(cp)
            try:
                ch.encode(enc)
            except UnicodeEncodeError:
                bad += 1
            else:
                good.append(ch)
    text = "".join(good)
    data = text.encode(enc)
    back = data.decode(enc, "replace")  # euc_kr: U+3164 and a jamo make a bad make-up
    print(enc, len(good), bad, digest(data), back == text)


for enc in ALL:
    run(enc)
