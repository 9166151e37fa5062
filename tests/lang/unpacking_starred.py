"""Iterable unpacking: targets, starred targets, nested, and errors."""

a, b = 1, 2
a, b = b, a
print(a, b)

first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
head, *mid, tail = range(6)
print(head, mid, tail)
x, *y = [1]
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, [n, *o]] = [1, [2, 3, 4]]
print(m, n, o)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)

try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = 5
except TypeError as e:
    print(type(e).__name__, e)

# Starred in displays and calls
l1 = [1, 2]
t1 = (3, 4)
print([*l1, *t1, 5], (*l1,), {*l1, *t1}, [*"ab", *range(2)])
d1 = {"a": 1}
d2 = {"b": 2, "a": 3}
print({**d1, **d2}, {**d2, "c": 0, **d1})


def f(*args, **kwargs):
    return args, kwargs


print(f(*l1, *t1), f(*l1, 0, *t1, k=1, **d1))
print(f(**{"x": 1}, y=2))
try:
    f(**d1, **{"a": 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(*5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**[1])
except TypeError as e:
    print(type(e).__name__, e)

# Unpacking into attributes and subscripts
class O:
    pass


o = O()
lst = [0, 0, 0]
o.a, lst[1], *lst[2:] = 7, 8, 9, 10
print(o.a, lst)

# Chained assignment and evaluation order
log = []


def t(v):
    log.append(v)
    return v


aa = bb = t([1, 2])
print(aa is bb, log)
x1, x2 = y1, y2 = 10, 20
print(x1, x2, y1, y2)

# Unpacking from generators and dicts
g = (i * i for i in range(3))
s1, s2, s3 = g
print(s1, s2, s3)
k1, k2 = {"one": 1, "two": 2}
print(k1, k2)
i, j = divmod(17, 5)
print(i, j)

# Swap with list elements
arr = [1, 2, 3]
arr[0], arr[2] = arr[2], arr[0]
print(arr)
i = 0
i, arr[i] = 1, "x"
print(i, arr)

# Starred with for loops
for a, *b in [(1, 2, 3), (4,), "xy"]:
    print(a, b)

print(*[1, 2, 3], sep="-")
print(*"", "empty-star")
