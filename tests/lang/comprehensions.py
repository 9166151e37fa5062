"""List, set, dict comprehensions and generator expressions."""

print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(3)] for x in range(3)])
print({x % 4 for x in range(20)})
print({k: v for k, v in zip("abc", range(3))})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print(sum(x for x in range(101)))
print(list(c.upper() for c in "abc"))
print([y for x in [[1, 2], [3], []] for y in x])
print([x if x > 2 else -x for x in range(5)])

g = (x * 2 for x in range(3))
print(type(g).__name__, next(g), list(g), list(g))

# The outermost iterable is evaluated immediately.
def src():
    print("src evaluated")
    return [1, 2]


gen = (x for x in src())
print("before iteration")
print(list(gen))

# Errors in the first iterable surface at creation
try:
    (x for x in 5)
except TypeError as e:
    print(type(e).__name__, e)

# Class scope: only the outermost iterable sees class names
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    try:
        pairs = [(v, w) for v in vals for w in vals]
    except NameError as e:
        err = str(e)


print(C.doubled, C.err)

# Walrus inside comprehension binds in the enclosing scope
data = [3, 8, 1, 9]
print([last := d for d in data], last)
print(any((hit := v) > 5 for v in data), hit)

# Dict comprehension with duplicates keeps the last value, first position
print({k % 3: k for k in range(7)})

# Nested comprehension scoping
x = "outer x"
print([[x for x in range(2)] for _ in range(2)], x)

# Set comprehension of small ints prints in hash order
print({n * 7 % 10 for n in range(10)})
print(sorted({(i, j) for i in range(2) for j in range(2)}))

# Comprehension with side-effect ordering
log = []
res = [log.append(i) or i for i in range(3)]
print(res, log)

# Conditional expressions and filters with function calls
words = ["apple", "kiwi", "banana", "fig"]
print([w for w in words if len(w) > 3], {w[0]: len(w) for w in words})
print(max(len(w) for w in words), min((len(w), w) for w in words))

# Generator expression as sole argument
print(sorted(w[::-1] for w in words))
print("".join(str(i) for i in range(5)))

# Iterating an exhausted iterator in a nested comprehension
it = iter(range(3))
print([(a, b) for a in range(2) for b in it])

# Comprehension over dict views
d = {"x": 1, "y": 2}
print([k + str(v) for k, v in d.items()], [k for k in d.keys()], sum(v for v in d.values()))

# Matrix transpose
m = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in m] for i in range(3)], list(zip(*m)))
