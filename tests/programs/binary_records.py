"""Binary record files: struct, array, io.BytesIO, hashlib, base64, zlib, textwrap."""
import array
import base64
import binascii
import hashlib
import io
import struct
import textwrap
import zlib

REC = struct.Struct("<I16sdh")
people = [(1, "Ada Lovelace", 36.5, -3), (2, "Alan Turing", 41.0, 7), (3, "Grace", 85.25, 0)]

buf = io.BytesIO()
buf.write(b"KREC" + struct.pack(">H", len(people)))
for pid, name, score, delta in people:
    buf.write(REC.pack(pid, name.encode(), score, delta))
raw = buf.getvalue()
print(len(raw), REC.size, hashlib.sha256(raw).hexdigest()[:16], hashlib.md5(raw).hexdigest())
packed = zlib.compress(raw, 9)
print(zlib.decompress(packed) == raw, zlib.crc32(raw), binascii.hexlify(raw[:8]))
b64 = base64.b64encode(packed).decode()
print(textwrap.fill(b64[:120], width=40))

rd = io.BytesIO(zlib.decompress(base64.b64decode(b64)))
assert rd.read(4) == b"KREC"
(n,) = struct.unpack(">H", rd.read(2))
for _ in range(n):
    pid, name, score, delta = REC.unpack(rd.read(REC.size))
    print(pid, name.rstrip(b"\0").decode(), f"{score:8.3f}", delta)
for rec in REC.iter_unpack(raw[6:]):
    print(rec[0], end=" ")
print()
a = array.array("d", (p[2] for p in people))
a.append(99.5)
print(a, a.tobytes()[:8], a.itemsize, array.array("h", b"\x01\x00\x02\x00").tolist())
print(struct.calcsize("@ibq"), struct.pack("!f", 1.5), struct.unpack("<3B", b"abc"))
try:
    struct.unpack("<I", b"ab")
except struct.error as e:
    print("struct.error:", e)
print(base64.urlsafe_b64encode(b"\xfb\xff"), base64.b32encode(b"hi"), base64.a85encode(b"kiln"))
print(textwrap.dedent("""\
      first
        indented
      last"""))
print(textwrap.shorten("The quick brown fox jumps over the lazy dog", width=25))
print(hashlib.blake2b(b"x", digest_size=8).hexdigest(), hashlib.sha3_256(b"").hexdigest()[:12])
