# A slice bound whose __index__ changes the sequence: the length is taken
# after the bounds are converted (no stale length, no crash).
l = [1, 2, 3]


class X:
    def __index__(self):
        l.clear()
        return 2


print(l[:X()])
l = [1, 2, 3]
print(l[X():])
l = [1, 2, 3]
l[:X()] = [9]
print(l)
b = bytearray(b"abc")


class Y:
    def __index__(self):
        b.clear()
        return 2


b[:Y()] = b"xy"
print(b)
e = bytearray()
e += b""
e += bytearray()
print(e, len(e))
