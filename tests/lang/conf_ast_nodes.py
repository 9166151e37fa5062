# ast node classes: constructor argument rules, the deprecated Num/Str
# classes (their __new__ passes arguments to AST's), subclasses.
import ast
import warnings

warnings.simplefilter("ignore", DeprecationWarning)

n = ast.Num(42)
print(type(n).__name__, n.value, n.n)


class N(ast.Num):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.z = "spam"


for obj in (N(42), N(n=42)):
    print(type(obj).__name__, obj.n, obj.z, isinstance(obj, ast.Num), isinstance(obj, ast.Constant))

for make in (lambda: ast.Constant(1, value=2), lambda: ast.Num(1, n=2),
             lambda: ast.BinOp(1, 2, 3, 4), lambda: ast.Num(1, None, 2)):
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)
print(ast.Constant(1, foo="bar").foo, ast.BinOp(left=1).left, ast.BinOp()._fields)
x = ast.Constant(1, kind=None)
print(x.value, x.kind, ast.dump(x))
