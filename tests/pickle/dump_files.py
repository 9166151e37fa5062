"""Pickler.dump / pickle.dump to files: the same bytes as dumps, and the
same sequence of write() calls as CPython (frames of 64 KiB are flushed
as they fill; large payloads are written on their own)."""
import io
import pickle
import zlib

from _corpus import corpus


class Recorder:
    def __init__(self):
        self.sizes = []
        self.data = bytearray()

    def write(self, b):
        self.sizes.append(len(b))
        self.data += b
        return len(b)


objs = dict(corpus())
cases = [objs["many_small"], objs["big_str"], objs["big_bytes"], objs["lists"],
         [b"x" * 70000, "y" * 100, bytearray(b"z" * 66000), "w" * 65536],
         [str(i) * 50 for i in range(3000)]]
for i, obj in enumerate(cases):
    for proto in range(6):
        r = Recorder()
        pickle.dump(obj, r, proto)
        same = bytes(r.data) == pickle.dumps(obj, proto)
        print(i, proto, same, len(r.sizes), r.sizes[:8], zlib.crc32(r.data))
        p = pickle.Pickler(r, proto)
        p.dump(obj)
        p.dump(obj)
        print("  again", len(r.sizes), zlib.crc32(r.data))
