# A function's builtins and __module__ come from the globals it is made in
# (nested `def` in a loop, exec with custom globals, FunctionType).
import builtins
import types

src = """
def outer():
    def inner(x):
        return len(x)
    return inner
fns = [outer() for _ in range(20)]
r = fns[-1]("abc")
"""

g1 = {"__builtins__": {"len": lambda x: "custom len", "range": range}}
exec(src, g1)
print(g1["r"], g1["fns"][0].__module__)

g2 = {"__builtins__": builtins, "__name__": "modname"}
exec(src, g2)
print(g2["r"], g2["fns"][0].__module__)

g3 = {"__name__": 42}
exec(src, g3)
print(g3["r"], g3["fns"][0].__module__)

code = compile("len('abcd')", "<s>", "eval")
f = types.FunctionType(code, {})
print(f(), f.__module__)
code2 = compile("x = len('ab')\ny = x + 1\n", "<s2>", "exec")
g6 = {"__name__": "g6"}
f3 = types.FunctionType(code2, g6)
print(f3(), g6["x"], g6["y"], f3.__module__)
f2 = types.FunctionType(code, {"__builtins__": {"len": lambda s: -1}, "__name__": "m"})
print(f2(), f2.__module__)


class D(dict):
    pass


g4 = D(__builtins__={"len": lambda x: "from subclass", "range": range}, __name__="sub")
exec(src, g4)
print(g4["r"], g4["fns"][0].__module__)

# Changing __builtins__ after the outer function was made: inner functions
# made later see the new value (looked up at each creation).
g5 = {"__builtins__": {"len": lambda x: 1, "range": range}}
exec(src, g5)
g5["__builtins__"] = {"len": lambda x: 2, "range": range}
print(g5["outer"]()("x"), g5["fns"][0]("x"))


def counter(step):
    count = 0

    def inc():
        nonlocal count
        count += step
        return count
    return inc


cs = [counter(i) for i in range(50)]
print([c() + c() for c in cs][-3:], cs[7].__module__, cs[7].__qualname__)
