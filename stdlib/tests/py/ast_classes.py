"""_ast / ast node classes: names, _fields, _attributes, class defaults,
hierarchy and the AST constructor (positional / keyword rules, errors),
plus ast, inspect and dataclasses importing on top of them."""
import _ast
import ast

names = sorted(n for n in dir(_ast) if not n.startswith("__"))
print(len(names), names)
for n in names:
    c = getattr(_ast, n)
    if not isinstance(c, type):
        print(n, c)
        continue
    print(n, c.__module__, [b.__name__ for b in c.__mro__], c._fields,
          c._attributes, c.__match_args__,
          sorted(k for k in ("value", "returns", "type_comment", "vararg", "kwarg",
                             "end_lineno", "end_col_offset", "kind", "level",
                             "annotation", "asname", "name", "module")
                 if k in c.__dict__))

for nm in names:
    c = getattr(_ast, nm)
    if isinstance(c, type) and c is not _ast.AST:
        print(nm, repr(c.__doc__))

n = ast.Name("x", ast.Load(), lineno=3)
red = n.__reduce__()
print(n.id, type(n.ctx).__name__, n.lineno, n.end_lineno, red[0].__name__, red[1], sorted(red[2]))
print(isinstance(n, ast.expr), isinstance(n, ast.AST), isinstance(n.ctx, ast.expr_context))
for cls, args in ((ast.Name, (1, 2, 3)), (ast.Return, (1, 2)), (ast.Pass, (1,))):
    try:
        cls(*args)
    except TypeError as e:
        print("TypeError:", e)
b = ast.BinOp()
print(hasattr(b, "left"), b.__dict__)
r = ast.Return()
print(r.value, r.__dict__)
print(ast.Add() is ast.Add(), type(ast.Add()).__name__)
print(_ast.PyCF_ONLY_AST, _ast.PyCF_TYPE_COMMENTS, _ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)

# Python-side deprecated aliases from ast.py
print(ast.Num.__mro__[1].__name__, issubclass(ast.Str, ast.Constant))

import inspect
import dataclasses


@dataclasses.dataclass
class P:
    x: int
    y: int = 2


print(P(1), inspect.isclass(P))
