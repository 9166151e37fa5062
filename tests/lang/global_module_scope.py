# A name declared `global` in a function is a global (not a local) in
# module-level code too: exec with separate locals shows the difference.
src = """
x = 1
y = 2
def f():
    global x
    x = 10
f()
"""
g, l = {}, {}
exec(src, g, l)
print(sorted(k for k in g if not k.startswith("__")), sorted(l))
print(g["x"], l["y"], "x" in l)

import symtable
t = symtable.symtable(src, "<s>", "exec")
for name in ("x", "y", "f"):
    s = t.lookup(name)
    print(name, s.is_global(), s.is_local(), s.is_declared_global(), s.is_assigned())
fn = t.get_children()[0]
print(fn.get_name(), fn.get_type(), fn.get_lineno(), fn.get_identifiers(), fn.get_globals())
src2 = """
def outer(a, *args, k=1, **kw):
    b = [i * a for i in args]
    def inner():
        nonlocal b
        return b, k, len
    class C:
        __priv = 1
        def m(self):
            return __class__
    return inner, C
lam = lambda q: q
"""
top = symtable.symtable(src2, "m.py", "exec")
def show(t, depth=0):
    print("  " * depth, t.get_type(), t.get_name(), t.get_lineno(), t.is_nested(), t.is_optimized(),
          sorted(t.get_identifiers()))
    if t.get_type() == "function":
        print("  " * depth, " params", t.get_parameters(), "locals", t.get_locals(),
              "frees", t.get_frees(), "globals", t.get_globals())
    if t.get_type() == "class":
        print("  " * depth, " methods", t.get_methods())
    for c in t.get_children():
        show(c, depth + 1)
show(top)
for bad in ["def f(x): global x", "nonlocal y", "(", "def f():\n  x = 1\n  global x"]:
    try:
        symtable.symtable(bad, "bad.py", "exec")
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.filename, e.lineno, e.offset)
try:
    symtable.symtable("1", "f", "bogus")
except ValueError as e:
    print("ValueError", e)
print(symtable.symtable("a + b", "e", "eval").get_identifiers())
