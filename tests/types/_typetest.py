"""Helpers shared by the tests/types programs (a module, not a test: the
leading underscore keeps tools/difftest.py from running it)."""


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
