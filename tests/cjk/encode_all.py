"""Every codec encodes every BMP character and the planes its tables
reach: digest of the encoding of the whole range with errors='ignore'
(all encodable characters, in order), of its decoding back, and one
character in 97 encoded alone (encodable or not)."""
# Kiln installs the str.encode hook for registry codecs when _codecs is
# first imported (CPython imports encodings at start-up); see NOTES-cjk.md.
import codecs  # noqa: F401
from _common import ALL, digest

TEXT = "".join(map(chr, list(range(0, 0xD800)) + list(range(0xE000, 0x10000))
                   + list(range(0x20000, 0x2B000))))


def run(enc):
    data = TEXT.encode(enc, "ignore")
    # euc_kr: U+3164 and a following jamo make a bad make-up sequence
    back = data.decode(enc, "replace")
    alone = []
    for ch in TEXT[::97]:
        try:
            alone.append(ch.encode(enc))
        except UnicodeEncodeError as e:
            alone.append((e.start, e.end))
    print(enc, len(data), digest(data), len(back), digest(back), digest(repr(alone)))


for enc in ALL:
    run(enc)
