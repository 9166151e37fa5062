# compile() of ast trees: hand-built and edited trees compile and run; the
# validator refuses malformed ones with CPython's exceptions and messages.
import ast
import re


def run(tree, mode="exec"):
    ast.fix_missing_locations(tree)
    code = compile(tree, "<tree>", mode)
    if mode == "eval":
        return eval(code)
    ns = {}
    exec(code, ns)
    return ns


def error(tree, mode="exec", fix=True):
    if fix:
        tree.lineno = tree.col_offset = 0
        ast.fix_missing_locations(tree)
    try:
        compile(tree, "<tree>", mode)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", re.sub(" at 0x[0-9a-f]+", "", str(e)))
    else:
        print("compiled")


def stmt(s):
    return ast.Module([s], [])


def expr(e):
    return ast.Module([ast.Expr(e)], [])


L, S, D = ast.Load(), ast.Store(), ast.Del()

# trees that run
t = ast.parse("x = 1 + 2\ny = [i * 2 for i in range(3)]")
print(sorted(k for k in run(t) if not k.startswith("__")), run(t)["y"])
for value in (-5, (1, (2, 3)), frozenset({4}), 1 + 2j, -0.5, 10 ** 30, b"b", None, ...):
    t = ast.parse("x = 0")
    t.body[0].value = ast.Constant(value)
    print(repr(run(t)["x"]))
print(run(ast.Expression(ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7))), "eval"))
t = ast.parse("from time import sleep")
t.body[0].level = None
print("sleep" in run(t))
t = ast.parse("def f(a, b=2, *, c):\n    return a + b + c\nr = f(1, c=3)")
print(run(t)["r"])
t = ast.parse("match v:\n case [1, *rest]: r = rest\n case _: r = None\nv = 0")
t.body.insert(0, ast.parse("v = [1, 2, 3]").body[0])
print(run(t)["r"])
print(compile(t, "<t>", "exec", ast.PyCF_ONLY_AST) is t)

# the root must match the mode
error(ast.Expression(ast.Constant(1)), "exec")
error(ast.Module([], []), "eval")

# contexts
error(expr(ast.Name("x", S)))
error(stmt(ast.Assign([ast.Name("x", L)], ast.Constant(3))))
error(stmt(ast.Delete([ast.Name("x", L)])))
error(stmt(ast.Assign([ast.Constant(1)], ast.Constant(3))))
error(stmt(ast.Assign([ast.List([ast.Starred(ast.Name("x", L), S)], S)], ast.Constant(4))))

# shapes
error(stmt(ast.FunctionDef("f", ast.arguments([], [], None, [], [], None, []), [], [], None)))
error(stmt(ast.ClassDef("C", [], [], [None], [])))
error(stmt(ast.Delete([])))
error(stmt(ast.Try([ast.Pass()], [], [], [])))
error(stmt(ast.Try([ast.Pass()], [], [ast.Pass()], [ast.Pass()])))
error(stmt(ast.TryStar([], [], [], [ast.Pass()])))
error(stmt(ast.Raise(None, ast.Constant(3))))
error(stmt(ast.ImportFrom(None, [ast.alias("x", None)], -42)))
error(stmt(ast.Import([])))
error(stmt(ast.With([], [ast.Pass()])))
error(stmt(ast.AnnAssign(ast.Attribute(ast.Name("a", L), "b", S), ast.Name("int", L), None, 1)))
error(expr(ast.BoolOp(ast.And(), [ast.Constant(1)])))
error(expr(ast.Dict([], [ast.Name("x", L)])))
error(expr(ast.Compare(ast.Name("x", L), [ast.In()], [])))
error(expr(ast.Compare(ast.Name("x", L), [ast.In()], [ast.Constant(4), ast.Constant(5)])))
error(expr(ast.ListComp(ast.Name("x", L), [])))
error(expr(ast.Name("True", L)))
args = ast.arguments([], [], None, [], [], None, [ast.Constant(3)])
error(expr(ast.Lambda(args, ast.Constant(1))))
args = ast.arguments([], [], None, [], [ast.Constant(4)], None, [])
error(expr(ast.Lambda(args, ast.Constant(1))))

# constants
error(expr(ast.Constant([1, 2])))
error(expr(ast.Constant((1, 2, int))))
error(expr(ast.Constant(frozenset((1, int)))))

class subint(int):
    pass

error(expr(ast.Constant(subint())))

# conversion errors
error(ast.Module([ast.Expr(ast.expr(lineno=2, col_offset=3), lineno=2, col_offset=3)], []), fix=False)
error(expr(ast.Name(42, L)))
error(ast.Module([ast.Expr(ast.Name("x", L))], []), fix=False)
error(ast.Module([ast.ImportFrom("time", [ast.alias("sleep")], None, lineno=None, col_offset=None)],
                 []), fix=False)
error(ast.Module([ast.Expr(None, lineno=1, col_offset=0)], []), fix=False)
error(ast.Module(None, []))

# positions
for attrs in ((10, 1, 0, 1), (-5, 1, 0, 1), (1, 1, 10, 1), (1, 1, -5, 1)):
    t = ast.parse("a = 1")
    (t.body[0].lineno, t.body[0].end_lineno,
     t.body[0].col_offset, t.body[0].end_col_offset) = attrs
    error(t, fix=False)

# match patterns
def case(pattern):
    return stmt(ast.Match(ast.Name("x", L), [ast.match_case(pattern, None, [ast.Pass()])]))

error(case(ast.MatchValue(ast.Constant(True))))
error(case(ast.MatchValue(ast.Constant((1, 2)))))
error(case(ast.MatchValue(ast.Name("y", L))))
error(case(ast.MatchSingleton("string")))
error(case(ast.MatchOr([ast.MatchValue(ast.Constant(1))])))
error(case(ast.MatchAs(name="_")))
error(case(ast.MatchAs(name="False")))
error(case(ast.MatchStar("x")))
error(case(ast.MatchMapping([ast.Constant(1)], [])))
error(case(ast.MatchClass(ast.Constant("x"), [], [], [])))
error(case(ast.MatchClass(ast.Name("C", L), [], ["a"], [])))
