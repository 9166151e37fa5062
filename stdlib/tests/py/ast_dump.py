"""ast.parse + ast.dump (compile(..., PyCF_ONLY_AST)) on snippets and on a
handful of real stdlib sources: the dumps, with positions, must equal
python3.11's.  Large files are printed as length + sha256 of the dump, plus
every 40th line of ast.dump(..., indent=1) so a mismatch shows where."""
import ast
import hashlib

SNIPPETS = [
    "x = 1 + 2 * -y ** 3",
    "def f(a, /, b=1, *c, d, e=2, **g) -> int:\n    return a if b else c\n",
    "async def g():\n    async with a as b, c:\n        await x\n    async for i in y: yield i\n",
    "class C(B, metaclass=M):\n    '''doc'''\n    x: int = 3\n",
    "match p:\n    case [1, *r] | {'k': v, **kw} if v: pass\n    case Point(x=0, y=_) as q: pass\n    case None | True | -1j | 'a' 'b': pass\n",
    "f'{a!r:>{w}} and {b=}'",
    "b'\\x00\\xff' + '\\ud800\\U0001f600' + 10**40 + 0x_ff + 1.5e300 + 2j + ...",
    "try:\n    pass\nexcept* (E, F) as e:\n    raise X from e\nelse:\n    pass\nfinally:\n    del a[1:2:3], b.c\n",
    "import a.b as c\nfrom ..m import (x as y, z)\nglobal q\nlambda *a, k=1: (yield)\n",
    "[i for i in x if i async for j in y]; {k: v for k, v in d}; {*a}; (x := 5)",
]
for src in SNIPPETS:
    print(ast.dump(ast.parse(src), include_attributes=True))
print(ast.dump(ast.parse("a + 1", mode="eval")))
print(ast.dump(ast.parse("x = 1", mode="single")))
print(ast.dump(ast.parse("(int, str) -> bool", mode="func_type")))
t = ast.parse("x = y; z = w")
print(t.body[0].targets[0].ctx is t.body[1].targets[0].ctx,
      t.body[0].value.ctx is ast.parse("q").body[0].value.ctx)
import copy
import pickle
print(ast.dump(copy.deepcopy(t)) == ast.dump(t), ast.dump(pickle.loads(pickle.dumps(t, 2))))
try:
    ast.parse("x = (", "<bad>")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.filename, e.lineno, e.offset)

for name in ("ast", "dataclasses", "textwrap", "string", "functools", "inspect"):
    path = "/usr/lib/python3.11/%s.py" % name
    with open(path, encoding="utf-8") as fh:
        src = fh.read()
    tree = ast.parse(src, path)
    text = ast.dump(tree, include_attributes=True)
    print(name, len(text), hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
    lines = ast.dump(tree, indent=1).splitlines()
    print("  ", len(lines), lines[::40][:60])

# a coding cookie counts for bytes, not for the UTF-8 of a str
cookie = b"# coding: latin-1\nx = '\xc3\xa9'\n"
print(ast.dump(ast.parse(cookie)), ast.dump(ast.parse(cookie.decode("utf-8"))))
