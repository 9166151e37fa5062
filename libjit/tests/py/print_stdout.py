"""print(): sep, end, file, flush; interleaving with sys.stdout.write."""
import sys

print()
print(1, 2, 3)
print(1, 2, 3, sep=", ", end=".\n")
print("a", "b", sep="")
print("no newline", end="")
print(" then newline")
print("sep None", "end None", sep=None, end=None)
print(*range(5))
print("to stdout", file=sys.stdout, flush=True)
print("to stderr", file=sys.stderr)
sys.stdout.write("direct\n")
print("é ü 中文 ✓")


class W:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


w = W()
print("x", 1, None, file=w)
print(w.parts)
print(repr(print(end="")))
