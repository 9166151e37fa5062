"""exec, eval, compile, globals, locals, dir, vars."""

x = 10
print(eval("x + 1"))
print(eval("  x * 2"))
ns = {}
exec("y = x if 'x' in dir() else 3\nz = y * 2", ns)
print(sorted(k for k in ns if not k.startswith("__")), ns["z"])
print("__builtins__" in ns)
code = compile("a + b", "<calc>", "eval")
print(eval(code, {"a": 2, "b": 3}))
code = compile("r = 7", "<set>", "exec")
g = {}
exec(code, g)
print(g["r"])
print(eval("q", {}, {"q": 5}))


def f(a, b=2):
    c = a + b
    return sorted(locals().items()), sorted(dir())


print(f(1))
print(globals()["x"], "f" in globals())


class C:
    attr = 1

    def __init__(self):
        self.v = 2


print(vars(C()))
print(sorted(k for k in vars(C) if not k.startswith("__")))
single = compile("1 + 1", "<s>", "single")
exec(single)
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError", e.msg)
