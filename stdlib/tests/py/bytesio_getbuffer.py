"""BytesIO.getbuffer(): a shared, writable view that blocks resizing while alive; pickle frames use it."""
import io
b = io.BytesIO(b"hello world")
m = b.getbuffer()
print(bytes(m), len(m), m.readonly)
m[0:5] = b"HELLO"
print(b.getvalue())
for f in (lambda: b.write(b"x"), lambda: b.truncate(2), lambda: b.close()):
    try:
        f()
    except BufferError as e:
        print("BufferError:", e)
m.release()
b.write(b"!")
print(b.getvalue())
with b.getbuffer() as m2:
    print(m2.tobytes())
b.seek(0, 2); b.write(b"?"); print(b.getvalue())
import pickle
print(pickle.loads(pickle.dumps({"k": [1, 2.5, "s" * 70000]}))["k"][:2])
