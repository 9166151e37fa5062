# Slicing and slice assignment on lists: the step-1 copy, same-length
# assignment, self-assignment and index edge cases.
import sys

a = list(range(10))
print(a[:], a[2:5], a[-3:], a[:-3], a[5:2], a[::2], a[::-1], a[8:1:-2])
print(a[-100:100], a[100:], a[:-100], a[-1:-100:-1], a[3:3])
print(a[sys.maxsize:], a[-sys.maxsize:2], a[:sys.maxsize], a[::sys.maxsize])
print(a[2 ** 40:], a[-(2 ** 40):3], a[1:2 ** 100], a[::-(2 ** 100)])
print(a[True:5], a[False:-1:3])


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


class IntSub(int):
    pass


print(a[Idx(2):Idx(6)], a[IntSub(1):IntSub(4)], a[Idx(-2):])

# a copy is independent
b = a[:]
b[0] = 'x'
print(a[0], b[0], a[:] is a)

# same-length assignment from another list, a tuple, a reversed copy
p = list(range(8))
p[:4] = p[3::-1]
print(p)
p[2:5] = (10, 11, 12)
print(p)
p[:3] = [7, 8]
print(p)
p[1:1] = 'ab'
print(p)
p[-2:] = []
print(p)

# self-assignment
s = [1, 2, 3]
s[:] = s
print(s)
s[1:2] = s
print(s)
s[:0] = s
print(s)
s[len(s):] = s
print(s)
del s[::3]
print(s)
s[::2] = s[::2][::-1]
print(s)
s[::-1] = s
print(s)

# an iterator reading the list while it is assigned into
t = [1, 2, 3, 4]
t[1:3] = (x * 10 for x in t)
print(t)

# a list subclass as the source and as the target
class L(list):
    def __iter__(self):
        return iter([99])


u = [0, 1, 2]
u[0:2] = L([5, 6])
print(u)
v = L([1, 2, 3, 4])
print(type(v[1:3]).__name__, v[1:3], v[::-1])
v[1:3] = [0]
print(list.__iter__(v).__next__(), len(v))

# errors
for bad in ('x', 1.5, None):
    try:
        a[bad:]
        print('no error')
    except TypeError as e:
        print('TypeError', e)
try:
    a[::0]
except ValueError as e:
    print('ValueError', e)
try:
    a[1:2] = 5
except TypeError as e:
    print('TypeError', e)
try:
    a[::2] = [1]
except ValueError as e:
    print('ValueError', e)
print(a)


class T(tuple):
    def __iter__(self):
        return iter('zz')


w = [1, 2, 3]
w[:1] = T((7, 8, 9))
print(w)
w.extend(T((1,)))
print(w)
try:
    w[::-1] = T((0, 0, 0, 0, 0, 0))
except ValueError as e:
    print('ValueError', e)

# __index__ order (step, start, stop) and each called once
class Loud:
    def __init__(self, name, v):
        self.name, self.v = name, v

    def __index__(self):
        print('index', self.name)
        return self.v


z = list(range(20))
print(z[Loud('start', 2):Loud('stop', 8)])
print(z[1:Loud('stop', 5)])
print(z[Loud('start', 3):4])
print(z[Loud('start', 9):Loud('stop', 1):Loud('step', -2)])
print(z[2 ** 30:], z[-(2 ** 30):2], z[2 ** 29:], z[-(2 ** 30) + 1:1], z[:2 ** 62])
print('abcdef'[1:-1], (1, 2, 3, 4)[::-1], 'abcdef'[::-1], b'xyz'[-2:])
print(range(10)[2:-2], range(10)[::-1], slice(1, 2 ** 70, -3).indices(100))
