"""bool: methods, operators (which return bool or int), construction."""
from _typetest import OBJ_SKIP, fmt, res, run_table, scrub, short, show  # noqa: F401

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
