"""A memoryview dropped without release() gives its exporter the buffer
back when it is collected: gc.collect() makes the bytearray resizable."""
import gc


def view_and_drop(ba):
    m = memoryview(ba)
    s = m[1:]
    return s.tobytes()


ba = bytearray(b'abc')
print(view_and_drop(ba))
gc.collect()
ba.append(100)
print(ba)

ba2 = bytearray(b'xyz')
m = memoryview(ba2)
try:
    ba2.append(1)
except BufferError as e:
    print('BufferError', e)
m.release()
gc.collect()
ba2.append(33)
print(ba2)
