"""Seeded random inputs for every codec: byte strings built from the
bytes that matter to multi-byte and ISO 2022 decoders (leads, trails,
ESC and escape finals, SO/SI, '~', newlines), decoded whole with a
recording handler and incrementally in random pieces; random text from
each codec's sample plus foreign characters, encoded with replace, and
incrementally in random pieces."""
import codecs
import random
from _common import ALL, SAMPLES, digest

seen = []


def record(exc):
    seen.append((exc.start, exc.end, exc.reason))
    return ("<%d>" % (exc.end - exc.start), exc.end)


codecs.register_error("test.cjk.fuzz", record)
POOL = (list(range(0x20, 0x7F)) + list(range(0x80, 0x100, 3)) + [0x1B] * 12 + [0x0E, 0x0F] * 4
        + [0x7E, 0x7B, 0x7D] * 4 + [0x0A, 0x28, 0x24, 0x29, 0x2E, 0x4E, 0x42, 0x4A, 0x40, 0x41,
                                    0x43, 0x44, 0x49, 0x51, 0x50, 0x4F, 0x46] * 3
        + [0xA4, 0xD4, 0x81, 0x30, 0x8E, 0x8F] * 4)
rng = random.Random(20261126)
for enc in ALL:
    results = []
    for _ in range(60):
        data = bytes(rng.choice(POOL) for _ in range(rng.randrange(1, 40)))
        seen.clear()
        whole = data.decode(enc, "test.cjk.fuzz")
        results.append((whole, tuple(seen)))
        dec = codecs.getincrementaldecoder(enc)("replace")
        pos, parts = 0, []
        while pos < len(data):
            step = rng.randrange(1, 5)
            parts.append(dec.decode(data[pos:pos + step]))
            pos += step
        parts.append(dec.decode(b"", True))
        results.append(("".join(parts), dec.getstate()))
    chars = SAMPLES[enc] + "\xe9\u0391\uac00\u554a\u00ca\u0304\u304b\u309a\uff71\xa5\u20ac\U0001f600~\n"
    for _ in range(40):
        text = "".join(rng.choice(chars) for _ in range(rng.randrange(1, 20)))
        results.append(text.encode(enc, "replace"))
        e = codecs.getincrementalencoder(enc)("xmlcharrefreplace")
        pos, out = 0, []
        while pos < len(text):
            step = rng.randrange(1, 4)
            out.append(e.encode(text[pos:pos + step]))
            pos += step
        out.append(e.encode("", True))
        results.append((b"".join(out), e.getstate()))
    print(enc, digest(repr(results)))
