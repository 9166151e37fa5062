"""None, NotImplemented, Ellipsis: their types, methods and behaviour."""
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

for v in [None, NotImplemented, Ellipsis]:
    T = type(v)
    print(T.__name__, repr(v), str(v), sorted(set(dir(v))), T.__module__, T.__qualname__)
    show("T()", T)
    show("T(1)", T, 1)
    show("T(x=1)", lambda: T(x=1))
    show("T() is v", lambda: T() is v)
    show("__bool__", lambda: v.__bool__() if hasattr(v, "__bool__") else "no __bool__")
    show("bool", bool, v)
    show("__eq__", v.__eq__, v)
    show("__eq__ 0", v.__eq__, 0)
    show("__ne__", v.__ne__, v)
    show("__lt__", v.__lt__, v)
    show("__format__ ''", v.__format__, "")
    show("__format__ x", v.__format__, "x")
    show("f-string", lambda: f"{v}|{v!r}|{v:}")
    show("setattr", setattr, v, "x", 1)
    show("getattr", getattr, v, "x")
    show("subclass", lambda: type("S", (T,), {}))
    show("compare", lambda: v < v)
    show("call", lambda: v())
    show("index", lambda: v[0])
    show("iter", lambda: iter(v))
    show("len", lambda: len(v))
    show("add", lambda: v + 1)
    show("hash type", lambda: type(hash(v)).__name__)
    show("identity", lambda: type(v)() is v)
print(... is Ellipsis, type(...)(), None is None, (None, ...))
print(sorted(set(dir(None))))
show("NotImplemented in bool", lambda: not NotImplemented)
class X:
    def __eq__(self, o):
        return NotImplemented
    def __lt__(self, o):
        return NotImplemented
print(X() == X(), X() != X(), X() == 1)
show("lt NI", lambda: X() < X())
show("lt NI int", lambda: X() < 1)
show("gt NI int", lambda: 1 > X())
show("None attr", lambda: None.foo)
show("None call", lambda: (None,)[0]())
show("None sub", lambda: (None,)[0][0])
show("None iter", lambda: list(None))
show("None add", lambda: None + 1)
show("None radd", lambda: 1 + None)
show("None lt", lambda: None < None)
show("NoneType name", lambda: type(None).__name__)
