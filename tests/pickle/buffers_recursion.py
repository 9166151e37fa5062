"""PickleBuffer (raw, release, buffer protocol), protocol 5 in-band and
out-of-band buffers, and RecursionError on deep nesting (never a crash)."""
import array
import io
import pickle
import sys

pb = pickle.PickleBuffer(b"abc")
m = memoryview(pb)
print(type(pb).__name__, type(pb).__module__, bytes(m), m.readonly, m.format, m.shape)
print(bytes(pb.raw()), pb.raw().format, pb.raw().shape, pb.raw().strides, pb.raw().readonly)
ba = bytearray(b"xyz")
pbw = pickle.PickleBuffer(ba)
print(memoryview(pbw).readonly, pbw.raw().readonly)
pbw.raw()[0] = ord("X")
print(ba)
arr = array.array("i", [1, 2, 3])
pa = pickle.PickleBuffer(arr)
print(memoryview(pa).format, memoryview(pa).shape, pa.raw().format, pa.raw().nbytes)
pb.release()
pb.release()
for f in (lambda: pb.raw(), lambda: memoryview(pb), lambda: pickle.dumps(pb, 5)):
    try:
        f()
    except ValueError as e:
        print("ValueError", e)
for bad in (lambda: pickle.PickleBuffer(), lambda: pickle.PickleBuffer("str"),
            lambda: pickle.PickleBuffer(b"", b"")):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
try:
    pickle.dumps(pickle.PickleBuffer(b"x"), 4)
except pickle.PicklingError as e:
    print("PicklingError", e)
mv = memoryview(bytearray(b"0123456789"))[::2]
try:
    pickle.dumps(pickle.PickleBuffer(mv), 5)
except pickle.PicklingError as e:
    print("PicklingError", e)
try:
    pickle.PickleBuffer(mv).raw()
except BufferError as e:
    print("BufferError", e)

# in-band: bytes for read-only memory, bytearray for writable
for obj in (pickle.PickleBuffer(b"ro"), pickle.PickleBuffer(bytearray(b"rw")),
            [pickle.PickleBuffer(b"a" * 70000)]):
    data = pickle.dumps(obj, 5)
    print(data[:40].hex(), len(data), type(pickle.loads(data)).__name__)

# out-of-band
bufs = []
data = pickle.dumps([pickle.PickleBuffer(b"ro"), pickle.PickleBuffer(bytearray(b"rw")), 3], 5,
                    buffer_callback=bufs.append)
print(data.hex(), len(bufs))
back = pickle.loads(data, buffers=bufs)
print(bytes(back[0]), bytes(back[1]), back[2], type(back[0]).__name__, type(back[1]).__name__)
print(pickle.loads(data, buffers=[b"A", bytearray(b"B")]))
for bad in (None, [], [b"x"]):
    try:
        pickle.loads(data, buffers=bad)
    except pickle.UnpicklingError as e:
        print("UnpicklingError", e)
data2 = pickle.dumps(pickle.PickleBuffer(b"q"), 5, buffer_callback=lambda b: True)
print(data2.hex())
try:
    pickle.dumps(pickle.PickleBuffer(b"q"), 5, buffer_callback=lambda b: 1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
f = io.BytesIO()
pickle.dump([pickle.PickleBuffer(b"zz")], f, 5, buffer_callback=bufs.append)
print(f.getvalue().hex())

# deep nesting raises RecursionError
limit = sys.getrecursionlimit()
deep = []
for i in range(limit * 3):
    deep = [deep]
for proto in (0, 2, 5):
    try:
        pickle.dumps(deep, proto)
        print("pickled?")
    except RecursionError as e:
        print(proto, "RecursionError", str(e).startswith("maximum recursion depth exceeded"))
deep = {}
for i in range(limit * 3):
    deep = {"k": deep}
try:
    pickle.dumps(deep, 4)
except RecursionError:
    print("dict RecursionError")


class Node:
    def __init__(self, child):
        self.child = child


n = None
for i in range(limit * 3):
    n = Node(n)
try:
    pickle.dumps(n, 2)
except RecursionError:
    print("object RecursionError")
# deep but within the limit round-trips
ok = []
for i in range(limit // 4):
    ok = [ok]
print(len(pickle.dumps(ok, 4)), pickle.loads(pickle.dumps(ok, 4)) == ok)
# unpickling deep data is iterative
nested = b"\x80\x04" + b"]" * 3000 + b"a" * 2999 + b"."
v = pickle.loads(nested)
depth = 0
while v:
    v = v[0]
    depth += 1
print(depth)
