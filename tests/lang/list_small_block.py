# Small lists made at their final size keep their items in the list's own
# block (libobject list.c); growing, shrinking, clearing and sorting such a
# list must behave as any list.  sys.getsizeof follows `allocated`.
import sys

base = list(range(60))
for n in (0, 1, 2, 5, 47, 48, 49, 60):
    a = base[:n]
    print(n, sys.getsizeof(a) - sys.getsizeof([]), len(a))
    b = a[:]
    b.append('x')
    b.extend(range(3))
    print(b[-5:], sys.getsizeof(b) - sys.getsizeof([]))
    c = a[::-1]
    del c[1:]
    print(c, sys.getsizeof(c) - sys.getsizeof([]))
    d = a[:]
    d.clear()
    d.append(1)
    print(d)
    e = a[:]
    e *= 3
    print(len(e), e[-3:])
    f = a[::2]
    f.sort(key=lambda x: -x)
    print(f[:4])
    g = a[:]
    while g:
        g.pop()
    g.insert(0, 'z')
    print(g)
    h = list(tuple(a))
    h[1:1] = ['ins'] * 5
    h[2:] = []
    print(h)

# a key function growing the list during sort
k = base[:6]
def key(x):
    k.append(x)
    return x
try:
    k.sort(key=key)
except ValueError as err:
    print('ValueError', err)
print(k)

# nested, shared and repeated small lists
m = [base[:3]] * 3
m[0].append(9)
print(m)
acc = []
for i in range(200):
    t = base[i % 7:i % 7 + 5]
    t.append(i)
    acc.append(t)
print(acc[-1], sum(len(x) for x in acc))
