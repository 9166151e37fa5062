"""list, tuple and dict operations."""
a = [3, 1, 4, 1, 5, 9, 2, 6]
a.append(5); a.extend([3, 5]); a.insert(0, 0); a.insert(-1, 8); a.insert(100, 7)
print(a, len(a), a.count(5), a.index(4), a.index(5, 7))
print(a.pop(), a.pop(0), a)
a.remove(1); print(a)
a.sort(); print(a)
a.sort(reverse=True); print(a)
a.reverse(); print(a)
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[1]))
b = list(range(10))
print(b[2:8:2], b[::-1], b[-3:], b[:-7], b[8:2:-2])
b[2:5] = ["x", "y"]; print(b)
b[::3] = [None] * len(b[::3]); print(b)
del b[1:3]; print(b)
del b[::2]; print(b)
print([1, 2] + [3], [0] * 4, [[]] * 2, 3 in [1, 2, 3], [1, 2] < [1, 3], [1, 2] == [1, 2])
c = [1, 2, 3]; c *= 2; print(c, c.copy() is c, c.clear(), c)
t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t + (4,), t * 2, t[1:], (1,), (), tuple("ab"), hash((1, 2)) == hash((1, 2)))
d = {"one": 1, "two": 2}
d["three"] = 3
print(d, len(d), d["two"], d.get("four"), d.get("four", 4), "one" in d, 1 in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("one"), d.pop("zz", None), d.setdefault("two", 22), d.setdefault("new", []), d)
d.update({"a": 1}, b=2); d.update([("c", 3)]); print(d)
print(d.popitem(), d)
e = dict.fromkeys("abc", 0); print(e, dict(zip("xy", [1, 2])), dict(a=1, b=2))
print({**d, "x": 9}, d | {"z": 0}, {k: v for k, v in sorted(d.items()) if k != "a"})
del d["two"]; print(d, list(reversed(d)))
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1][5]
except IndexError as e:
    print("IndexError:", e)
try:
    [1, 2].index(9)
except ValueError as e:
    print("ValueError:", e)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
nested = [1, [2, [3, [4]]]]
nested[1][1].append(nested)
print(nested)
dd = {}
dd["self"] = dd
print(dd)
print({1: "a", 1.0: "b", True: "c"})
print(list(enumerate("abc", 1)), list(zip([1, 2, 3], "ab")), list(map(str, [1, 2])), list(filter(None, [0, 1, "", "x"])))
