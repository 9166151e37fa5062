"""complex: every public method and operator on ordinary and edge inputs."""
# --- helpers (the same in every tests/types program; no import yet) ---
def scrub(s):
    # addresses differ from run to run: " at 0x7f..." becomes " at 0x?"
    out = []
    i = 0
    while True:
        j = s.find(" at 0x", i)
        if j < 0:
            break
        out.append(s[i:j + 6] + "?")
        i = j + 6
        while i < len(s) and s[i] in "0123456789abcdefABCDEF":
            i += 1
    out.append(s[i:])
    return "".join(out)


def fmt(v):
    try:
        s = scrub(repr(v))
    except BaseException as e:
        return "<repr raised %s: %s>" % (type(e).__name__, e)
    if len(s) > 200:
        s = s[:120] + "..." + s[-40:] + " (len %d)" % len(s)
    return s


def res(f, *a, **k):
    try:
        v = f(*a, **k)
    except BaseException as e:
        return scrub("!%s: %s" % (type(e).__name__, e))
    return fmt(v)


def show(label, f, *a, **k):
    print(label, "->", res(f, *a, **k))


def short(v):
    s = fmt(v)
    if len(s) > 50:
        s = s[:25] + "..." + s[-15:]
    return s


def run_table(T, receivers, table, skip=(), mutable=False):
    # mutable: every call gets a copy of the receiver, printed after the call
    names = sorted(set(dir(T)))
    print(T.__name__, "dir:", names)
    print("not covered:", [n for n in names if n not in table and n not in skip])
    print("no such name:", [n for n in sorted(table) if n not in names])
    for name in sorted(table):
        for recv in receivers:
            try:
                m = getattr(recv, name)
            except BaseException as e:
                print("%s.%s -> getattr !%s: %s" % (short(recv), name, type(e).__name__, e))
                continue
            cases = table[name]
            if cases is None:
                print("%s.%s = %s" % (short(recv), name, fmt(m)))
                continue
            for args in cases:
                if not isinstance(args, tuple):
                    args = (args,)
                label = "%s.%s%s" % (short(recv), name, short(args))
                if mutable:
                    r2 = recv.copy()
                    print(label, "->", res(getattr(r2, name), *args), "after:", short(r2))
                else:
                    show(label, m, *args)


# Inherited from object (and tested in object.py), or implementation details
# (docstrings, memory sizes) that the tests do not compare.
OBJ_SKIP = {"__doc__", "__sizeof__", "__new__", "__init__", "__init_subclass__",
            "__subclasshook__", "__getattribute__", "__setattr__",
            "__delattr__", "__dir__", "__class__", "__getstate__",
            "__reduce__", "__reduce_ex__"}
# --- end of helpers ---

inf = float("inf")
R = [0j, 1 + 2j, -1.5 - 0.5j, complex(inf, 1), complex(0.0, -0.0), -0j, 1e300 + 1e300j, 3 + 0j]
O = [(0,), (2,), (1.5,), (1j,), (0j,), (-2 - 3j,), (2**1100,), ("x",), (None,)]
U = [()]
table = {
    "__abs__": U, "__bool__": U, "__neg__": U, "__pos__": U, "__repr__": U,
    "__str__": U, "__getnewargs__": U, "__hash__": U, "conjugate": U, "__complex__": U,
    "real": None, "imag": None,
    "__format__": [("",), (".2f",), ("g",), ("e",), (">30",), ("+.1e",),
                   ("d",), ("=10",), ("010",), ("^40.3",), ("%",), ("z.1f",)],
    "__add__": O, "__radd__": O, "__sub__": O, "__rsub__": O, "__mul__": O,
    "__rmul__": O, "__truediv__": O, "__rtruediv__": O,
    "__pow__": [(0,), (2,), (-1,), (0.5,), (1j,), (0j,), (2, 3), (100,), ("x",)],
    "__rpow__": [(0,), (2,), (1j,), (-1,)],
    "__eq__": O, "__ne__": O, "__lt__": O, "__le__": O, "__gt__": O, "__ge__": O,
}
run_table(complex, R, table, OBJ_SKIP)
for args in [(), (1,), (1, 2), ("1+2j",), (" ( 1-2J ) ",), ("j",), ("-j",),
             ("1e3j",), ("inf+nanj",), ("1 + 2j",), ("",), ("1+2j", 1), (1j, 1j),
             (None,), ("3",), (2**1100,), (1.5, "x"), ("1_0j",), ("(1+2j",),
             (complex(1, 2), 3)]:
    show("complex%s" % short(args), complex, *args)
show("complex(real=1, imag=2)", lambda: complex(real=1, imag=2))
show("div0", lambda: (1 + 1j) / 0)
show("pow0neg", lambda: 0j ** -1)
show("pow0c", lambda: 0j ** 1j)
show("floordiv", lambda: (1 + 1j) // 1)
show("mod", lambda: (1 + 1j) % 1)
show("int()", lambda: int(1j))
show("float()", lambda: float(1j))
show("round", lambda: round(1j))
print(repr(complex(-0.0, -0.0)), repr(complex(0.0, float("nan"))), 1j * 1j, (1 + 2j) ** 2, abs(3 + 4j))
print(hash(1 + 0j) == hash(1), hash(complex(0, 1)), (2 + 0j) == 2, (1 + 1j) != 1)
class C(complex):
    pass
print(type(C(1) + 1), repr(C(1, 2)), type(-C(1)), complex.__mro__)
