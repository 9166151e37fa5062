"""Known difference: dropping a memoryview does not end its export.

CPython releases the buffer when the last reference to the memoryview goes
(reference counting), so the bytearray can be resized right after `del m`.
Kiln frees memory by tracing collection and keeps the bytearray pinned until
the view is released explicitly or the next collection finds it dead.  Workaround: call m.release() or use
`with memoryview(ba) as m:` — both behave the same everywhere.
"""

ba = bytearray(b'abc')
m = memoryview(ba)
del m
try:
    ba.append(100)
    print('resized', ba)
except BufferError as e:
    print('BufferError', e)

ba = bytearray(b'abc')
with memoryview(ba) as m:
    m[0] = 65
ba.append(100)
print(ba)
