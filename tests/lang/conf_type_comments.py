# ast.parse(type_comments=True): PEP 484 type comments on defs, arguments,
# assignments, for and with; "# type: ignore" tags; misplaced type comments
# are syntax errors only with the flag; func_type mode.
import ast

sources = [
    "def foo():\n    # type: () -> int\n    pass\n\ndef bar():  # type: () -> None\n    pass\n",
    "async def foo():  # type: () -> int\n    return await bar()\n",
    "def foo():  # type: () -> int\n    # type: () -> str\n    return ''\n",
    "def foo():\n    # type: () -> \u00e0\u00e7\u010d\u00e9\u00f1t\n    pass\n",
    "for a in []:  # type: int\n    pass\n",
    "with context() as a:  # type: int\n    pass\n",
    "with (context() as a):  # type: int\n    pass\n",
    "a = 0  # type: int\n",
    "a = b = 0  #type:List[int]   \n",
    "def fab(\n    a,  # type: A\n    /,\n    b = 1  # type: B\n):\n    pass\n",
    "def fvk(\n    *v,  # type: V\n    **k  # type: K\n):\n    pass\n",
    "f = lambda a,  # type: A\n : 0\n",
    "def foo():\n    pass  # type: ignore\n\ndef bar():\n    x = 1  # type: ignore\n"
    "    pass  # type: ignore[excuse]\n    pass  # type: ignore=excuse\n"
    "    pass  # type: ignore [excuse]\n# type: ignore alone\nx = 1\n",
    "pass  # type: int\n",
    "foo()  # type: int\n",
    "x += 1  # type: int\n",
    "while True:  # type: int\n  continue\n",
    "try:  # type: int\n  pass\nfinally:\n  pass\n",
    "pass  # type: ignorewhatever\n",
    "pass  # type: ignore\u00e9\n",
    "x = 1  # type: ignored\n",
]

def walk_comments(tree):
    out = []
    for node in ast.walk(tree):
        tc = getattr(node, "type_comment", None)
        if tc is not None:
            out.append((type(node).__name__, getattr(node, "arg", None), tc))
    return out

for src in sources:
    print(repr(src))
    for flag in (False, True):
        try:
            tree = ast.parse(src, type_comments=flag)
        except SyntaxError as e:
            print("  ", flag, "SyntaxError:", e.msg)
            continue
        print("  ", flag, walk_comments(tree),
              [(t.lineno, t.tag) for t in tree.type_ignores])

for src in ["() -> int", "(int) -> List[str]", "(int, *str, **Any) -> float",
            "(*int) -> None", "(**int) -> None", "(int, *str, *Any) -> float",
            "(int, **str, Any) -> float", "(**int, **str) -> float", "(int,) -> x"]:
    try:
        print(src, ast.dump(ast.parse(src, "<unknown>", "func_type")))
    except SyntaxError as e:
        print(src, "SyntaxError:", e.msg)
