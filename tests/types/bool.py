"""bool: methods, operators (which return bool or int), construction."""
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

O = [(True,), (False,), (2,), (1.5,), ("x",)]
U = [()]
table = {n: O for n in ["__and__", "__rand__", "__or__", "__ror__", "__xor__",
                        "__rxor__", "__add__", "__sub__", "__mul__", "__eq__",
                        "__lt__", "__floordiv__", "__truediv__", "__mod__",
                        "__pow__", "__lshift__"]}
table.update({n: U for n in ["__repr__", "__str__", "__invert__", "__neg__",
                             "__abs__", "__hash__", "__bool__", "__int__",
                             "__float__", "__index__", "bit_length",
                             "as_integer_ratio", "conjugate", "bit_count"]})
table.update({"real": None, "imag": None, "numerator": None, "denominator": None,
              "__format__": [("",), ("d",), ("s",), (">6",), ("x",)],
              "to_bytes": [(1, "big")], "__round__": [(), (1,)]})
names = set(dir(bool))
run_table(bool, [True, False], table, names - set(table))
for v in [0, 1, -1, 0.0, -0.0, float("nan"), "", "0", " ", [], [0], (), {}, {0: 0},
          set(), None, Ellipsis, NotImplemented, range(0), range(1), 0j, b"", bytearray()]:
    show("bool(%s)" % short(v), lambda: bool(v))
show("bool()", bool)
show("bool(1, 2)", bool, 1, 2)
show("bool(x=1)", lambda: bool(x=1))
show("subclass", lambda: type("B", (bool,), {}))
show("True.__class__", lambda: (True).__class__)
show("not", lambda: (not True, not 0, True is not False))
show("sum", lambda: sum([True, True, False]))
show("~True", lambda: ~True)
show("True/False", lambda: True / False)
show("int(True)", lambda: (int(True), float(False), str(True), repr(False)))
show("bool.__new__", bool.__new__, bool, 5)
show("bool.__new__ int", bool.__new__, int, 5)
class Z:
    def __bool__(self):
        return 3
class L:
    def __len__(self):
        return -1
class L2:
    def __len__(self):
        return 0
show("bool(Z)", bool, Z())
show("bool(L)", bool, L())
show("bool(L2)", bool, L2())
print(bool.__mro__, bool.__name__, bool.__base__, True == 1, hash(True), True is bool(1))
