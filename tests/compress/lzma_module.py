"""_lzma and lzma: every format, check and preset, raw filter chains,
streaming with max_length (needs_input, eof, unused_data, check), filter
properties, LZMAFile, and errors on bad arguments and corrupt input."""
import io
import lzma
import os
import tempfile
import _lzma
from _util import show, corpus

data_sets = corpus()
text = data_sets[3][1]

print(sorted(n for n in dir(_lzma) if n.isupper()))
print([(n, getattr(lzma, n)) for n in ("FORMAT_AUTO", "FORMAT_XZ", "FORMAT_ALONE",
       "FORMAT_RAW", "CHECK_NONE", "CHECK_CRC32", "CHECK_CRC64", "CHECK_SHA256",
       "CHECK_ID_MAX", "CHECK_UNKNOWN", "FILTER_LZMA1", "FILTER_LZMA2", "FILTER_DELTA",
       "FILTER_X86", "MF_BT4", "MODE_FAST", "MODE_NORMAL", "PRESET_DEFAULT",
       "PRESET_EXTREME")])
print(issubclass(lzma.LZMAError, Exception), lzma.LZMAError.__module__)
print([lzma.is_check_supported(i) for i in range(17)])

# Presets 0-9 (and extreme) for xz and alone; compressed bytes are liblzma's.
for name, data in data_sets[:5]:
    for fmt in (lzma.FORMAT_XZ, lzma.FORMAT_ALONE):
        sizes = []
        for preset in list(range(10)) + [6 | lzma.PRESET_EXTREME]:
            if preset > 3 and len(data) > 100000 and preset != 6:
                continue
            c = lzma.compress(data, format=fmt, preset=preset)
            sizes.append(len(c))
            assert lzma.decompress(c) == data
            assert lzma.decompress(c, format=fmt) == data
        print(name, fmt, sizes)

# Every integrity check, and what the decompressor reports.
for check in (lzma.CHECK_NONE, lzma.CHECK_CRC32, lzma.CHECK_CRC64, lzma.CHECK_SHA256):
    c = lzma.compress(b"check me" * 50, check=check)
    d = lzma.LZMADecompressor()
    print(check, d.check, len(c), d.decompress(c)[:8], d.check, d.eof)
d = lzma.LZMADecompressor(lzma.FORMAT_ALONE)
print("alone check", d.check)

# Raw filter chains, including delta and BCJ filters, both directions.
chains = [
    [{"id": lzma.FILTER_LZMA2}],
    [{"id": lzma.FILTER_LZMA2, "preset": 1}],
    [{"id": lzma.FILTER_LZMA1, "dict_size": 1 << 16, "lc": 2, "lp": 1, "pb": 1}],
    [{"id": lzma.FILTER_DELTA, "dist": 4}, {"id": lzma.FILTER_LZMA2, "preset": 9}],
    [{"id": lzma.FILTER_X86}, {"id": lzma.FILTER_LZMA2}],
    [{"id": lzma.FILTER_ARM, "start_offset": 16}, {"id": lzma.FILTER_LZMA2}],
    [{"id": lzma.FILTER_LZMA2, "mode": lzma.MODE_FAST, "mf": lzma.MF_HC4,
      "nice_len": 32, "depth": 10}],
    [{"id": lzma.FILTER_LZMA2, "mf": lzma.MF_BT2}],
]
for chain in chains:
    c = lzma.compress(text, format=lzma.FORMAT_RAW, filters=chain)
    back = lzma.decompress(c, format=lzma.FORMAT_RAW, filters=chain)
    print([f["id"] for f in chain], len(c), back == text)
    show("  as xz", lambda: (len(lzma.compress(text, filters=chain)),
                              lzma.decompress(lzma.compress(text, filters=chain)) == text))
c = lzma.compress(text, format=lzma.FORMAT_ALONE,
                  filters=[{"id": lzma.FILTER_LZMA1, "preset": 2}])
print("alone lzma1", len(c), lzma.decompress(c) == text)

# Filter properties.
for spec in ({"id": lzma.FILTER_LZMA1, "dict_size": 1 << 20},
             {"id": lzma.FILTER_LZMA2, "preset": 9}, {"id": lzma.FILTER_DELTA, "dist": 7},
             {"id": lzma.FILTER_X86, "start_offset": 256}, {"id": lzma.FILTER_SPARC, "start_offset": 8}):
    props = _lzma._encode_filter_properties(spec)
    print(spec["id"], props, _lzma._decode_filter_properties(spec["id"], props))
show("decode bad id", lambda: _lzma._decode_filter_properties(99, b""))
show("decode bad props", lambda: _lzma._decode_filter_properties(lzma.FILTER_LZMA1, b"\xff\0\0\x10\0"))

# Streaming decompression with max_length.
packed = lzma.compress(text) + b"TAIL"
for max_length in (100, 4096, 70000, -1):
    d = lzma.LZMADecompressor()
    out, trace = [], []
    feed = [packed[i:i + 900] for i in range(0, len(packed), 900)]
    calls = 0
    while not d.eof and calls < 5000:
        calls += 1
        chunk = feed.pop(0) if d.needs_input and feed else b""
        if d.needs_input and not chunk:
            break
        piece = d.decompress(chunk, max_length=max_length)
        out.append(piece)
        if len(trace) < 10:
            trace.append((len(chunk), len(piece), d.needs_input, d.eof))
    print("max_length", max_length, b"".join(out) == text, d.eof, d.unused_data, calls)
    print("  ", trace)
d = lzma.LZMADecompressor()
full = lzma.compress(b"z" * 1000)
print(len(d.decompress(full, 999)), d.needs_input, d.eof)
print(len(d.decompress(b"")), d.needs_input, d.eof)
raw = [{"id": lzma.FILTER_LZMA2}]
d = lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=raw)
body = lzma.compress(b"q" * 5000, format=lzma.FORMAT_RAW, filters=raw)
print(len(d.decompress(body[:-1], 4999)), d.needs_input, d.eof)
print(len(d.decompress(b"", 1)), d.needs_input, d.eof)
show("after eof", lambda: d.decompress(b"x"))

# Concatenated streams, padding and trailing garbage through lzma.decompress.
two = lzma.compress(b"one ") + lzma.compress(b"two")
print(lzma.decompress(two))
show("padding", lambda: lzma.decompress(lzma.compress(b"pad") + bytes(8)))
show("trailing junk", lambda: lzma.decompress(lzma.compress(b"a") + b"junk"))
print(lzma.LZMAFile(io.BytesIO(two)).read())

# Corrupt input and bad arguments.
good = lzma.compress(text)
show("garbage", lambda: lzma.decompress(b"not an xz file at all"))
show("truncated", lambda: lzma.decompress(good[:-20]))
show("bit flip", lambda: lzma.decompress(good[:200] + bytes([good[200] ^ 0x55]) + good[201:]))
show("memlimit", lambda: lzma.decompress(good, memlimit=1024))
show("xz as alone", lambda: lzma.decompress(good, format=lzma.FORMAT_ALONE))
show("preset str", lambda: lzma.LZMACompressor(preset="a"))
show("preset neg", lambda: lzma.LZMACompressor(preset=-1))
show("preset big", lambda: lzma.LZMACompressor(preset=2 ** 33))
show("preset 10", lambda: lzma.LZMACompressor(preset=10))
show("format 9", lambda: lzma.LZMACompressor(format=9))
show("check 99", lambda: lzma.LZMACompressor(check=99))
show("alone check", lambda: lzma.LZMACompressor(format=lzma.FORMAT_ALONE, check=lzma.CHECK_CRC32))
show("preset+filters", lambda: lzma.LZMACompressor(preset=1, filters=[]))
show("empty chain", lambda: lzma.LZMACompressor(filters=[]))
show("chain int", lambda: lzma.LZMACompressor(filters=5))
show("spec int", lambda: lzma.LZMACompressor(filters=[5]))
show("no id", lambda: lzma.LZMACompressor(filters=[{"x": 1}]))
show("id str", lambda: lzma.LZMACompressor(filters=[{"id": "x"}]))
show("id bad", lambda: lzma.LZMACompressor(filters=[{"id": 12345}]))
show("lzma key", lambda: lzma.LZMACompressor(filters=[{"id": lzma.FILTER_LZMA2, "bogus": 1}]))
show("lzma preset", lambda: lzma.LZMACompressor(filters=[{"id": lzma.FILTER_LZMA2, "preset": 99}]))
show("delta key", lambda: lzma.LZMACompressor(filters=[{"id": lzma.FILTER_DELTA, "x": 1}]))
show("bcj key", lambda: lzma.LZMACompressor(filters=[{"id": lzma.FILTER_X86, "dist": 1}]))
show("delta 0", lambda: lzma.LZMACompressor(filters=[{"id": lzma.FILTER_DELTA, "dist": 0}]))
show("too many", lambda: lzma.LZMACompressor(filters=[{"id": lzma.FILTER_DELTA}] * 5))
show("alone lzma2", lambda: lzma.LZMACompressor(format=lzma.FORMAT_ALONE,
                                                 filters=[{"id": lzma.FILTER_LZMA2}]))
show("raw no filters", lambda: lzma.LZMACompressor(format=lzma.FORMAT_RAW))
show("raw dec no filters", lambda: lzma.LZMADecompressor(format=lzma.FORMAT_RAW))
show("raw memlimit", lambda: lzma.LZMADecompressor(format=lzma.FORMAT_RAW, memlimit=5))
show("filters not raw", lambda: lzma.LZMADecompressor(filters=[]))
show("memlimit neg", lambda: lzma.LZMADecompressor(memlimit=-5))
show("too many args", lambda: lzma.LZMADecompressor(1, 2, 3, 4))
show("bad mode", lambda: lzma.LZMACompressor(filters=[{"id": lzma.FILTER_LZMA2, "mode": 7}]))
c = lzma.LZMACompressor()
c.flush()
show("compress after flush", lambda: c.compress(b"x"))
show("flush twice", lambda: c.flush())

# LZMAFile on disk.
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "f.xz")
    with lzma.open(path, "wt", encoding="utf-8", check=lzma.CHECK_SHA256) as f:
        for i in range(400):
            f.write("entry %d\n" % i)
    with lzma.open(path, "rt", encoding="utf-8") as f:
        lines = f.readlines()
    print(len(lines), lines[:2], lines[-1:])
    with lzma.open(path) as f:
        f.seek(2000)
        print(f.read(12), f.tell())

# After a data error liblzma refuses to go on.
d = lzma.LZMADecompressor()
show("data error", lambda: d.decompress(good[:100] + b"\x00" * 100))
print(d.needs_input, d.eof, d.unused_data)
show("after error", lambda: d.decompress(b"more"))

# Empty chunks never make liblzma's "no progress" a user-visible error.
c = lzma.LZMACompressor()
head = c.compress(b"abc")
print([c.compress(b"") for _ in range(3)], len(head), [c.compress(b"") for _ in range(2)])
packed = head + c.flush()
d = lzma.LZMADecompressor()
print([d.decompress(b"") for _ in range(3)])
print([len(d.decompress(packed[i:i + 1])) for i in range(len(packed))][-3:], d.eof)
for f in ({}, {"a": 1}, "ab", [], ()):
    show("filters %r" % (f,), lambda: lzma.LZMADecompressor(format=lzma.FORMAT_RAW, filters=f))
