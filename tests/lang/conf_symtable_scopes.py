# Scope rules checked at compile time: := inside comprehension iterables
# (nested scopes included), inner loops rebinding := targets, unparenthesized
# comprehension targets, and a nested `global` marking the module's name.


def check(src, *namespaces):
    try:
        exec(src, *namespaces)
    except SyntaxError as e:
        print("SyntaxError:", e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset))
    else:
        print("ok")


cases = [
    "[i for i in (i := range(5))]",
    "[i for i in (lambda:(j := range(5)))()]",
    "[i for i in range(5) for j in (i := range(5))]",
    "[i for i in [j for j in (k := range(5))]]",
    "[i for i in [j for j in range(5) if (j := True)]]",
    "[i for i in [(j := True) for j in range(5)]]",
    "{i for i in (lambda:(j := range(5)))()}",
    "[i for i in range(5) if (j := 0) for j in range(5)]",
    "[i for i in range(5) if (j := 0) for j, k in [(0, 1)]]",
    "{i for i in range(5) if (j := 0) for j in range(5)}",
    "[(j := 0) for i in range(5)]",
    "[i := 0, j := 1 for i, j in [(1, 2), (3, 4)]]",
    "[a, b for a in c]",
    "{a, b for a in c}",
    "[a, for a in c]",
    "[a, b, for a in c]",
    "(a, b for a in c)",
    "[*a, b for a in c]",
]
for src in cases:
    print(src)
    for ns in ({}, ), ({}, {}):
        check(src, *ns)
    check("lambda: " + src, {})

src = """if 1:
    def f():
        y = 1
        def g():
            global y
            return y
        def h():
            return y + 1
        return g, h
    y = 9
    g, h = f()
    result9 = g()
    result2 = h()
"""
g, l = {}, {}
exec(src, g, l)
print(sorted(k for k in g if k != "__builtins__"), sorted(l), l["result9"], l["result2"])
g, l = {}, {}
exec("x = 1\ndef f():\n    global x\n    x = 2\nf()\nr = x", g, l)
print(g.get("x"), sorted(l))
