"""sys.stdout.buffer / sys.stdin.buffer: bytes through the same stream, order kept."""
import sys
print("text first")
sys.stdout.buffer.write(b"bytes\n")
print("text again", flush=True)
n = sys.stdout.buffer.write(bytearray(b"ba\n"))
print(n, sys.stdout.buffer.mode)
try:
    sys.stdout.buffer.write("s")
except TypeError as e:
    print(e)
print(repr(sys.stdin.buffer.read()), repr(sys.stdin.readline()))
