"""complex: every public method and operator on ordinary and edge inputs."""
from _typetest import OBJ_SKIP, fmt, res, run_table, scrub, short, show  # noqa: F401

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
