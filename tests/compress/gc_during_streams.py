"""Collections in the middle of streams and parses: library state lives in
collector memory reachable only from the stream or parser object."""
import gc, bz2, lzma, pyexpat, io
text = b"".join(b"%d abcdefghij\n" % i for i in range(20000))
for mod, dec in ((bz2, lambda: bz2.BZ2Decompressor()), (lzma, lambda: lzma.LZMADecompressor())):
    packed = mod.compress(text)
    d = dec()
    out = []
    fed = 0
    while not d.eof:
        chunk = packed[fed:fed + 500] if d.needs_input else b""
        fed += len(chunk)
        out.append(d.decompress(chunk, 3000))
        gc.collect()
    print(mod.__name__, b"".join(out) == text)
p = pyexpat.ParserCreate(namespace_separator=" ")
p.buffer_text = True
seen = []
def start(n, a):
    if len(seen) % 50 == 0:
        gc.collect()
    seen.append((n, dict(a)))
p.StartElementHandler = start
p.CharacterDataHandler = lambda s: seen.append(s) if len(seen) % 97 == 0 else None
doc = b"<r xmlns='urn:x'>" + b"".join(b"<i n='%d'>t%d</i>" % (i, i) for i in range(3000)) + b"</r>"
for i in range(0, len(doc), 777):
    p.Parse(doc[i:i + 777], False)
    gc.collect()
p.Parse(b"", True)
print(len(seen), seen[-1], seen[1500])
