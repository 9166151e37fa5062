"""while/for with else, break/continue, walrus, conditional expressions, del, global."""
i = 0
while i < 5:
    i += 1
    if i == 2:
        continue
    if i == 4:
        break
    print("while", i)
else:
    print("not reached")

for x in range(3):
    print("for", x)
else:
    print("for-else ran")

for x in []:
    pass
else:
    print("empty for-else ran")

n = 0
while (n := n + 1) < 4:
    print("walrus", n)
print([y for x in range(5) if (y := x * x) > 4], y)

for i in range(3):
    for j in range(3):
        if j == 2:
            break
        if i == 1:
            continue
        print(i, j)

print("yes" if 1 else "no", "yes" if [] else "no", 0 or "" or None, 1 and 2 and 3, not None)
a = b = c = 5
a, b = b + 1, a - 1
print(a, b, c)
x, (y, z), *rest = 1, (2, 3), 4, 5
print(x, y, z, rest)
v = 10
del v
try:
    print(v)
except NameError as e:
    print("NameError:", e)

counter = 0


def bump():
    global counter
    counter += 1
    return counter


bump(); bump()
print(counter)


def local_before_assignment():
    try:
        print(q)
        q = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


local_before_assignment()
assert True, "never"
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
print(__debug__, __name__)
total = 0
for i in range(1, 1001):
    if i % 3 == 0 or i % 5 == 0:
        total += i
print(total)
pass
