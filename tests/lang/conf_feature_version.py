# ast.parse(feature_version=(3, minor)): syntax newer than the target
# version is a SyntaxError naming the version that introduced it.
import ast
cases = [("(x := 0)", 7), ("a @ b", 4), ("a @= b", 4), ("async def f():\n    await x", 4),
         ("async def f():\n    [x async for x in y]", 5), ("x: int = 1", 5), ("a = 1_000", 5),
         ("f'{a}'", 5), ("f'{a=}'", 7), ("def f(a, /): pass", 7), ("lambda a, /: 0", 7),
         ("with (a as b): pass", 8), ("try: pass\nexcept* E: pass", 10),
         ("match x:\n    case 1: pass", 9), ("async def f():\n    async for a in b: pass", 4),
         ("async def f():\n    async with a: pass", 4)]
for src, bad in cases:
    for v in (bad, bad + 1):
        try:
            ast.parse(src, feature_version=(3, v))
            print(repr(src), v, "ok")
        except SyntaxError as e:
            print(repr(src), v, e.msg)

# before 3.7, async and await are names outside async functions
for src in ["async = 12\nawait = 13\n", "async def f():\n    await x\n    async = 1\n",
            "def g():\n    async = 1\nasync def h(): await y\nawait = 2\n",
            "async def foo():\n    # type: () -> int\n    return await bar()\n"]:
    for v in (5, 6, 7):
        try:
            ast.parse(src, feature_version=(3, v), type_comments=True)
            print(repr(src), v, "ok")
        except SyntaxError as e:
            print(repr(src), v, e.msg, e.lineno)
