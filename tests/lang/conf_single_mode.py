# compile(..., 'single'): one statement, compound ones with whole blocks;
# more statements are refused as CPython does; errors found while
# compiling keep their own line (break outside a loop inside try/finally).
import io
import contextlib

sources = [
    "if 1:\n  x = 1\n  y = 2\n",
    "def f():\n    a = 1\n    b = 2\n    return a + b\n",
    "for i in range(2):\n    print(i)\n    print(-i)\n",
    "x = 1; y = 2\n",
    "x = 1\ny = 2\n",
    "x = 1\n\n# c\ny = 2",
    "x = 1 # c\n  \n",
    "if 1:\n  pass\nx = 1\n",
    "if 1:\n  pass\n# c\n",
    "def f():\n  pass\n\n\n",
    "x = 1\n  y = 2\n",
    "def f():\n    print(x)\n    global x\n",
    "try:\n    print(1)\n    break\n    print(2)\nfinally:\n    print(3)\n",
    "1 + 1\n",
    "print('a'); 2 * 3\n",
]
for src in sources:
    for mode in ("exec", "single"):
        try:
            code = compile(src, "<s>", mode)
        except SyntaxError as e:
            print(mode, repr(src), "SyntaxError:", e.msg, e.lineno, e.offset, e.end_offset)
            continue
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(code, {})
        print(mode, repr(src), sorted(code.co_names), repr(out.getvalue()))
