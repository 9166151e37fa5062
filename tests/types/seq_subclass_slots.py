# Which operator slots a subclass of a built-in sequence gets from the
# wrappers it inherits (CPython's rule for dunders shared by two slots:
# __add__/__mul__/__iadd__/__imul__ name both a number and a sequence slot).
import collections

BASES = [list, tuple, str, bytes, bytearray, collections.deque]


def make(base, extra):
    ns = {}
    if extra == "add":
        ns["__add__"] = lambda self, o: "add"
    elif extra == "mul":
        ns["__mul__"] = lambda self, o: "mul"
    elif extra == "radd":
        ns["__radd__"] = lambda self, o: "radd"
    return type(base.__name__.capitalize() + "_" + extra, (base,), ns)


def sample(base):
    return {list: [1], tuple: (1,), str: "a", bytes: b"a", bytearray: bytearray(b"a"),
            collections.deque: collections.deque([1])}[base]


def attempt(f):
    try:
        r = f()
        return type(r).__name__ + " " + repr(r)
    except TypeError as e:
        return "TypeError: " + str(e)


for base in BASES:
    for extra in ("plain", "add", "mul", "radd"):
        C = make(base, extra)
        v = sample(base)
        c = C(v)
        others = [v, 2, "s", [9], (9,)]
        lines = []
        for o in others:
            lines.append(("c+o", attempt(lambda: c + o)))
            lines.append(("o+c", attempt(lambda: o + c)))
            lines.append(("c*o", attempt(lambda: c * o)))
            lines.append(("o*c", attempt(lambda: o * c)))

            def iadd():
                x = C(v)
                x += o
                return x

            def imul():
                x = C(v)
                x *= o
                return x

            def riadd():
                x = o
                x += C(v)
                return x

            def rimul():
                x = o
                x *= C(v)
                return x
            lines.append(("c+=o", attempt(iadd)))
            lines.append(("c*=o", attempt(imul)))
            lines.append(("o+=c", attempt(riadd)))
            lines.append(("o*=c", attempt(rimul)))
        print(C.__name__)
        for op, r in lines:
            print("  ", op, r)

# Number subclasses with sequences: int's __add__/__mul__ wrap reflected
# number slots, so they never fill sq_concat / sq_repeat; `n *= seq` only
# repeats when the left type has no sequence methods at all.
for C, v in ((make(int, "plain"), 2), (make(float, "plain"), 1.0), (make(complex, "plain"), 1j),
             (make(int, "add"), 3)):
    c = C(v)
    for o in ([1], "ab", (1,)):
        def iadd():
            x = c
            x += o
            return x

        def imul():
            x = c
            x *= o
            return x
        print(C.__name__, type(o).__name__, attempt(lambda: c + o), attempt(lambda: c * o),
              attempt(lambda: o * c), attempt(iadd), attempt(imul))
for n, o in ((2, [1]), (True, "ab")):
    x = n
    x *= o
    print(type(x).__name__, x)
