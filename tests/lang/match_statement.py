"""The match statement: every pattern kind."""


class Point:
    __match_args__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def describe(subject):
    match subject:
        case 0 | 1 | 2:
            return "small int %r" % (subject,)
        case True:
            return "never: True == 1 matched above"
        case None:
            return "None"
        case "hello":
            return "greeting"
        case str() as s if len(s) > 5:
            return "long str " + s
        case str(s):
            return "short str " + s
        case [] :
            return "empty sequence"
        case [x]:
            return "one item %r" % (x,)
        case [1, *rest]:
            return "starts with 1, rest %r" % (rest,)
        case [x, y, *_] if x == y:
            return "first two equal"
        case (a, b, c):
            return "three: %r %r %r" % (a, b, c)
        case {"kind": "circle", "r": r}:
            return "circle r=%r" % (r,)
        case {"kind": k, **others}:
            return "kind %s with %r" % (k, sorted(others))
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return "on y axis at %r" % (y,)
        case Point(x, y) if x == y:
            return "diagonal"
        case Point():
            return "some point"
        case float(f) | int(f):
            return "number %r" % (f,)
        case _:
            return "something else"


tests = [0, 2, None, "hello", "longer string", "hi", [], [9], [1, 2, 3], [5, 5, 6],
         (7, 8, 9), (7, 8, 9, 10), {"kind": "circle", "r": 2},
         {"kind": "square", "side": 3, "color": "red"}, Point(0, 0), Point(0, 5),
         Point(3, 3), Point(1, 2), 2.5, 99, {"x": 1}, b"bytes", "ab"]
for t in tests:
    print(describe(t))


def literal_kinds(v):
    match v:
        case -1:
            return "minus one"
        case 1 + 2j:
            return "complex"
        case b"raw":
            return "bytes"
        case (1, 2) | [3, 4]:
            return "pair"
        case _:
            return "other"


for v in [-1, 1 + 2j, b"raw", (1, 2), [3, 4], (3, 4), 5]:
    print(literal_kinds(v))


class Color:
    RED = "red"
    GREEN = "green"


def value_pattern(c):
    match c:
        case Color.RED:
            return "is red"
        case Color.GREEN:
            return "is green"
    return "no match"


print(value_pattern("red"), value_pattern("green"), value_pattern("blue"))

match [1, [2, 3], {"a": 4}]:
    case [int(a), [b, *c], {"a": d}]:
        print("nested", a, b, c, d)

match 42:
    case x:
        print("capture", x)

try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError:", e)
