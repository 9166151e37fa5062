"""mixed-type numeric behaviour: comparisons, hashes, conversions and arithmetic across int, bool, float, complex at the edges."""
from _typetest import OBJ_SKIP, fmt, res, run_table, scrub, short, show  # noqa: F401

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
