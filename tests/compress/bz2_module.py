"""_bz2 and bz2: round trips at every level, streaming with max_length,
needs_input / eof / unused_data, BZ2File, and the errors of bad input."""
import bz2
import io
import os
import tempfile
import _bz2
from _util import show, corpus

data_sets = corpus()

# One-shot round trips, every level; the compressed bytes must be libbz2's.
for name, data in data_sets:
    sizes = []
    for level in range(1, 10):
        c = bz2.compress(data, level)
        sizes.append(len(c))
        assert bz2.decompress(c) == data, (name, level)
    print(name, len(data), sizes)

# Incremental compression in uneven pieces equals one-shot compression.
for name, data in data_sets:
    comp = _bz2.BZ2Compressor(5)
    pieces = []
    step = 1
    pos = 0
    while pos < len(data):
        pieces.append(comp.compress(data[pos:pos + step]))
        pos += step
        step = step * 3 + 1
    pieces.append(comp.flush())
    whole = b"".join(pieces)
    print(name, "incremental", len(whole), whole == bz2.compress(data, 5),
          [len(p) for p in pieces][:6])

# Streaming decompression with max_length: trace every call.
text = data_sets[3][1]
packed = bz2.compress(text) + b"TRAILING"
for max_length in (100, 4096, 50000, -1):
    d = _bz2.BZ2Decompressor()
    out = []
    trace = []
    feed = [packed[i:i + 700] for i in range(0, len(packed), 700)]
    calls = 0
    while not d.eof and calls < 10000:
        calls += 1
        chunk = feed.pop(0) if d.needs_input and feed else b""
        if d.needs_input and not chunk:
            break
        piece = d.decompress(chunk, max_length)
        out.append(piece)
        if len(trace) < 12:
            trace.append((len(chunk), len(piece), d.needs_input, d.eof))
    print("max_length", max_length, b"".join(out) == text, d.eof,
          d.unused_data[:8], calls)
    print("  ", trace)

# max_length=0 never makes progress once the header is read.
d = _bz2.BZ2Decompressor()
print([(len(d.decompress(packed[:300] if i == 0 else b"", 0)), d.needs_input) for i in range(4)])

# needs_input after an exactly-consumed block; decompress after eof.
d = _bz2.BZ2Decompressor()
print(len(d.decompress(bz2.compress(b"abc" * 10))), d.eof, d.needs_input, d.unused_data)
show("after eof", lambda: d.decompress(b"x"))
d = _bz2.BZ2Decompressor()
print(d.decompress(b""), d.eof, d.needs_input)
half = bz2.compress(b"0123456789" * 100)
print(len(d.decompress(half[:30])), d.needs_input, d.eof)
print(len(d.decompress(half[30:])), d.needs_input, d.eof)

# Multi-stream data through the module functions and BZ2File.
two = bz2.compress(b"first ") + bz2.compress(b"second")
print(bz2.decompress(two))
print(bz2.BZ2File(io.BytesIO(two)).read())

# Bad input and bad arguments.
show("garbage", lambda: bz2.decompress(b"this is not bzip2 data"))
show("truncated", lambda: bz2.decompress(bz2.compress(text)[:-10]))
show("bad crc", lambda: bz2.decompress(bz2.compress(b"abc")[:-6] + b"\0\0\0\0\0\0"))
show("junk after", lambda: len(bz2.decompress(bz2.compress(b"abc") + b"junk")))
show("level 0", lambda: _bz2.BZ2Compressor(0))
show("level 10", lambda: _bz2.BZ2Compressor(10))
show("level str", lambda: _bz2.BZ2Compressor("9"))
show("level kw", lambda: _bz2.BZ2Compressor(compresslevel=3))
show("two args", lambda: _bz2.BZ2Compressor(1, 2))
show("decomp args", lambda: _bz2.BZ2Decompressor(1))
show("decomp kwargs", lambda: _bz2.BZ2Decompressor(x=1))
show("str data", lambda: _bz2.BZ2Compressor().compress("text"))
show("max_length float", lambda: _bz2.BZ2Decompressor().decompress(b"", 1.0))
c = _bz2.BZ2Compressor()
c.flush()
show("compress after flush", lambda: c.compress(b"x"))
show("flush twice", lambda: c.flush())
show("memoryview", lambda: bz2.decompress(memoryview(bz2.compress(bytearray(b"mv")))))

# Files: write, append, read back by lines, seek.
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "f.bz2")
    with bz2.open(path, "wt", encoding="utf-8") as f:
        for i in range(500):
            f.write("row %d\n" % i)
    with bz2.open(path, "ab") as f:
        f.write(b"appended\n")
    with bz2.open(path, "rt", encoding="utf-8") as f:
        lines = f.readlines()
    print(len(lines), lines[:2], lines[-2:])
    with bz2.BZ2File(path) as f:
        f.seek(3000)
        print(f.read(20), f.tell())
        f.seek(10)
        print(f.read(10), f.peek(1)[:1])
show("BZ2File bad mode", lambda: bz2.BZ2File(io.BytesIO(), "x+"))

# After a data error the decompressor refuses further input.
d = _bz2.BZ2Decompressor()
print(len(d.decompress(bz2.compress(text)[:40])), d.needs_input)
show("data error", lambda: d.decompress(b"\x00" * 5000))
print(d.needs_input, d.eof, d.unused_data)
show("after error", lambda: d.decompress(b""))
