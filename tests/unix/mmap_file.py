"""mmap over a temporary file and anonymous memory: slicing, item
assignment, find / rfind, file-like reads and writes, resize, the
buffer protocol (bytes, memoryview, re), access modes, errors."""
import mmap
import os
import re
import tempfile
import weakref

from _util import show

print([(n, getattr(mmap, n)) for n in sorted(dir(mmap)) if n.isupper()])
print(mmap.error is OSError, mmap.PAGESIZE == mmap.ALLOCATIONGRANULARITY)
print(mmap.mmap.__doc__)

fd, path = tempfile.mkstemp()
os.write(fd, b"0123456789" * 1000)

# --- constructor errors
show(mmap.mmap, fd, -1)
show(mmap.mmap, fd, 10, offset=-1)
show(mmap.mmap, fd, 10, flags=mmap.MAP_PRIVATE, access=mmap.ACCESS_READ)
show(mmap.mmap, fd, 10, access=9)
show(mmap.mmap, fd, 20000)
show(mmap.mmap, fd, 0, offset=20480)
show(mmap.mmap, fd, 0, offset=100)
show(mmap.mmap, 999, 10)
show(mmap.mmap, -1, 0)
show(mmap.mmap, "x", 10)
show(mmap.mmap, fd)
show(mmap.mmap, fd, 10, 1, 2, 3, 4, 5)
show(mmap.mmap, fd, 2**70)
show(mmap.mmap, fd, 10, offset=4096 * 100)
show(mmap.mmap, -1, 10, "x")
show(mmap.mmap, length=1)
show(mmap.mmap, -1, fd=1)
show(mmap.mmap, -1, 1, fd=1)
show(mmap.mmap, -1, 1, length=1)
show(mmap.mmap, -1, 1, 2, 3, 4, 5, length=1)
empty_fd, empty_path = tempfile.mkstemp()
show(mmap.mmap, empty_fd, 0)

# --- a shared file map
m = mmap.mmap(fd, 0)
print(repr(m), len(m), m.size(), m.tell(), m.closed)
print(m[0], m[-1], m[1:5], m[::1000], m[9990:], m[5:2], m[-3:])
show(m.__getitem__, 10000)
show(m.__getitem__, -10001)
show(m.__getitem__, 2**70)
show(m.__getitem__, "x")
show(m.__getitem__, 1.5)
m[0] = 65
m[1:3] = b"BC"
m[10:20:2] = b"vwxyz"
print(m[:20])
for key, value in [(0, 300), (0, -1), (0, b"x"), (0, 1.5), (0, 2**70), (slice(0, 2), b"abc"),
                   (slice(0, 2), "xy"), (20000, 1), ("x", 1)]:
    show(m.__setitem__, key, value)
show(m.__delitem__, 0)
show(m.__delitem__, slice(0, 1))
m[0] = True
print(m[0])

print(m.find(b"9"), m.find(b"9", 100), m.rfind(b"9"), m.find(b"9", -5), m.find(b"zz"))
print(m.find(b""), m.rfind(b""), m.find(b"", 20000), m.find(b"x", 5, 2), m.rfind(b"5", 0, 20))
print(m.find(b"78", 0, -1), m.rfind(b"78", -100, -50), m.find(bytearray(b"345")), m.find(memoryview(b"6")))
show(m.find, "x")
show(m.find, b"1", "x")
show(m.find, b"1", 2**70)
show(m.find)

print(m.seek(5), m.tell(), m.read(3), m.read_byte(), m.tell())
m.seek(-5, 2)
print(m.read(), m.read(), m.tell())
m.seek(-10, 1)
print(m.read(None), m.read(-2))
for args in [(10001,), (-1,), (0, 3), ("x",), (0, "x"), (2**70,), (0, 2**40)]:
    show(m.seek, *args)
show(m.read, "x")
show(m.read, 2**70)
m.seek(0)
print(m.write(b"line one\nline two\n"), m.tell())
m.seek(0)
print(m.readline(), m.readline(), m.readline()[:5])
m.seek(len(m))
print(m.readline(), m.read(5))
show(m.write, b"x")
show(m.write_byte, 1)
show(m.read_byte)
m.seek(0)
show(m.write_byte, 256)
show(m.write_byte, -1)
show(m.write_byte, "a")
show(m.write, "x")
show(m.write)
m.write_byte(ord("L"))
print(m[:10])

print(m.move(0, 9, 4), m[:10])
for args in [(0, 10000, 5), (-1, 0, 1), (0, 2**64, 1), (1, 2)]:
    show(m.move, *args)
print(m.flush(), m.flush(0, mmap.PAGESIZE))
for args in [(0, 20000), (1,), (-1, 5), ("x",)]:
    show(m.flush, *args)
print(m.madvise(mmap.MADV_NORMAL), m.madvise(mmap.MADV_SEQUENTIAL, 0, 100))
for args in [(mmap.MADV_NORMAL, 20000), (mmap.MADV_NORMAL, 0, -1), (9999,), (),
             (mmap.MADV_NORMAL, mmap.PAGESIZE, 2**63 - 1), (mmap.MADV_NORMAL, 0, 2**63 - 1)]:
    show(m.madvise, *args)

# --- buffer protocol
print(re.search(rb"(\d)5(\d)", m).group(0), len(re.findall(rb"789", m)), bytes(m)[:12], len(bytes(m)))
mv = memoryview(m)
print(mv.readonly, mv.format, mv.itemsize, mv.nbytes, mv[3], mv.tobytes()[:4])
mv[0] = ord("a")
mv[1] = ord("b")
print(m[:4])
show(m.resize, 100)
show(m.close)
mv.release()
print(bytearray(m)[:3], b"ab" + m[2:4])

# --- resize grows / shrinks the file (on a fresh map: after the madvise
# calls above, Linux's mremap fails with EFAULT for both interpreters)
show(m.resize, 20000)
m.close()
m = mmap.mmap(fd, 0)
m.resize(20000)
print(len(m), os.fstat(fd).st_size, m.size(), m[19999], m[10000])
m.resize(100)
print(len(m), os.fstat(fd).st_size, m.tell())
show(m.resize, -1)
show(m.resize, "x")
m.close()
print(m.closed, repr(m))
for f, args in [(m.read, ()), (len, (m,)), (m.__getitem__, (0,)), (m.tell, ()), (m.size, ()),
                (m.find, (b"x",)), (m.write, (b"x",)), (m.seek, (0,)), (m.__enter__, ())]:
    show(f, *args)
show(m.close)

# --- other access modes
os.ftruncate(fd, 0)
os.lseek(fd, 0, os.SEEK_SET)
os.write(fd, b"abcdefghij" * 5000)
r = mmap.mmap(fd, 0, access=mmap.ACCESS_READ)
print(repr(r), r[:5])
for f, args in [(r.write, (b"x",)), (r.__setitem__, (0, 1)), (r.write_byte, (1,)), (r.move, (0, 1, 1)),
                (r.resize, (5,)), (r.flush, ()), (r.__setitem__, (slice(0, 1), b"x"))]:
    show(f, *args)
mv = memoryview(r)
print(mv.readonly)
mv.release()
c = mmap.mmap(fd, 0, access=mmap.ACCESS_COPY)
c[0] = 65
print(repr(c)[:40], c[:3], r[:3])
show(c.resize, 5)
show(c.flush)
w = mmap.mmap(fd, 4096, access=mmap.ACCESS_WRITE, offset=mmap.PAGESIZE)
print(repr(w), w[:5])
pr = mmap.mmap(fd, 10, prot=mmap.PROT_READ)
pw = mmap.mmap(fd, 10, prot=mmap.PROT_WRITE)
pp = mmap.mmap(fd, 10, mmap.MAP_PRIVATE)
print(repr(pr), repr(pw), repr(pp))
for x in (r, c, w, pr, pw, pp):
    x.close()

# --- anonymous maps
a = mmap.mmap(-1, 13)
a.write(b"hello world\n!")
print(repr(a), list(a)[:3], b"h" in a, a[:])
show(a.size)
a.resize(4096)
print(len(a), a[:13], a[4095])
a.close()
with mmap.mmap(-1, 5) as z:
    z.write(b"abcde")
    print(z[:], z.closed)
print(z.closed)
print(mmap.mmap(-1, 10, mmap.MAP_PRIVATE).tell())


class Sub(mmap.mmap):
    pass


s = Sub(-1, 10)
print(type(s).__name__, len(s), repr(s), weakref.ref(s)() is s, s == s, isinstance(s, mmap.mmap))
import pickle
show(pickle.dumps, s)
show(lambda: s + s)
show(lambda: s * 2)
s.close()
os.close(fd)
os.close(empty_fd)
os.unlink(path)
os.unlink(empty_path)
