"""mixed-type numeric behaviour: comparisons, hashes, conversions and arithmetic across int, bool, float, complex at the edges."""
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
nan = float("nan")
vals = [0, -0.0, 1, True, 2**53, 2**53 + 1, float(2**53), 2**63, -(2**63) - 1, 2**1024, 1e308, 0.5, -1.5,
        inf, -inf, 1 + 0j, 2**53 + 1 + 0j, 10**20, 1e20, 123456789012345678901234567890]
for a in vals:
    row = []
    for b in vals:
        r = []
        for op in ["==", "<", ">="]:
            try:
                r.append("1" if eval("a %s b" % op) else "0")
            except TypeError:
                r.append("T")
        row.append("".join(r))
    print(short(a).ljust(30), " ".join(row))
print([hash(v) for v in vals if not (isinstance(v, float) and v != v)])
for a in vals:
    for b in [3, -7, 0.25, 2**64, 1j]:
        for op in ["+", "-", "*", "/", "//", "%", "**"]:
            if op == "**" and (isinstance(a, int) and abs(a) > 2**64 or isinstance(b, int) and b > 100):
                continue
            show("%s %s %s" % (short(a), op, short(b)), lambda: eval("a %s b" % op))
for x in [0.5, 1.5, 2.5, -0.5, -2.5, 1e16 + 1, 2.675, 1e300, 5e-324, 0.1 + 0.2, 1 / 3]:
    print(repr(x), round(x), round(x, 1), round(x, 2), round(x, -1), int(x), x.as_integer_ratio()[1].bit_length(), float.fromhex(x.hex()) == x, hash(x))
for i in [2**53 - 1, 2**53 + 1, 2**54 + 3, 2**64 - 1, 10**23, 2**1023 * 3 // 2, -(2**63)]:
    show("float(%d)" % i, float, i)
show("float(2**1024)", float, 2**1024)
show("int(1e300)", lambda: int(1e300) % 10**9)
show("2**1024 / 2**1023", lambda: 2**1024 / 2**1023)
show("(2**1100 + 1) / 2**1090", lambda: (2**1100 + 1) / 2**1090)
show("10**400 // 1e10", lambda: 10**400 // 1e10)
show("1 // inf", lambda: (1 // inf, -1 // inf, 1 % inf, -1 % inf, 1 % -inf))
show("divmod(inf, 1)", lambda: divmod(inf, 1))
show("inf // 1", lambda: inf // 1)
show("nan ops", lambda: (nan + 1, nan * 0, 0 * inf, inf - inf, max(nan, 1), min(1, nan)))
show("complex cmp", lambda: 1j < 2j)
show("bool arith", lambda: (True + True, True * 1.5, True / 2, -True, ~False, True ** 10, True << 3))
show("pow mixed", lambda: (2 ** -1, (-8) ** (1 / 3), 0 ** 0, 0.0 ** 0, (-1) ** 0.5, 2 ** 0.5, 4 ** 0.5, (-2) ** -2))
show("int pow huge neg", lambda: 10 ** -400)
show("abs", lambda: (abs(-0.0), abs(-2**70), abs(-3 + 4j), abs(True), abs(-inf)))
show("int from str big", lambda: int("1" * 4300) % 97)
show("int from str too big", lambda: int("1" * 4301))
show("str of too big int", lambda: str(10**4300))
show("hex big ok", lambda: len(hex(10**5000)))
show("format big", lambda: len(format(10**4299, ",")))
show("int() whitespace", lambda: (int("\u2003 42 \n"), int("-\u0661\u0662"), float(" \u0661.5 ")))
show("sum float", lambda: (sum([0.1] * 10), sum([1e100, 1.0, -1e100, 1.0]), sum([1, 2.5, 3j])))
