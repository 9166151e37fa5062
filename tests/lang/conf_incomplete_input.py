# compile() with PyCF_ALLOW_INCOMPLETE_INPUT / PyCF_DONT_IMPLY_DEDENT and
# codeop: input that ends too early is "incomplete input".
import codeop
cases = ["if 1:\n  pass", "if 1:\n  pass\n", "if 1:\n  pass\n\n", "a = (", "a = (\n", "1 +", "def f():", "x = '''abc", "x = 'abc", "1 + )", "if x:\n    a = 1\n  b", "", "# c", "a = [1,\n2", "f(", "@d", "class A:", "x = 1", "print(1)\n  ", "for x in y:\n", "a = {1:", "lambda x:", "1 if", "import", "from x import (a,"]
for c in cases:
    try:
        r = codeop.compile_command(c, "<i>", "single")
        print(repr(c), "None" if r is None else "code")
    except SyntaxError as e:
        print(repr(c), "SyntaxError", e.msg)
for c in cases:
    for flags in (0x4000, 0x4200):
        try:
            compile(c, "<i>", "single", flags)
            print(repr(c), hex(flags), "ok")
        except SyntaxError as e:
            print(repr(c), hex(flags), e.msg)
cases = [
    ("(a **", 'single'),
    ("(a,b,", 'single'),
    ("(a,b,(", 'single'),
    ("(a,b,(", 'single'),
    ("a = (", 'single'),
    ("a = {", 'single'),
    ("b + {", 'single'),
    ("print([1,\n2,", 'single'),
    ("print({1:1,\n2:3,", 'single'),
    ("print((1,\n2,", 'single'),
    ("if 9==3:\n   pass\nelse:", 'single'),
    ("if 9==3:\n   pass\nelse:\n", 'single'),
    ("if 9==3:\n   pass\nelse:\n   pass", 'single'),
    ("if 1:", 'single'),
    ("if 1:\n", 'single'),
    ("if 1:\n pass\n if 1:\n  pass\n else:", 'single'),
    ("if 1:\n pass\n if 1:\n  pass\n else:\n", 'single'),
    ("if 1:\n pass\n if 1:\n  pass\n else:\n  pass", 'single'),
    ("def x():", 'single'),
    ("def x():\n", 'single'),
    ("def x():\n\n", 'single'),
    ("def x():\n  pass", 'single'),
    ("def x():\n  pass\n ", 'single'),
    ("def x():\n  pass\n  ", 'single'),
    ("\n\ndef x():\n  pass", 'single'),
    ("a = 9+ \\", 'single'),
    ("a = 'a\\", 'single'),
    ("a = '''xy", 'single'),
    ("", 'eval'),
    ("\n", 'eval'),
    ("(", 'eval'),
    ("(9+", 'eval'),
    ("9+ \\", 'eval'),
    ("lambda z: \\", 'eval'),
    ("if True:\n if True:\n  if True:   \n", 'single'),
    ("@a(", 'single'),
    ("@a(b", 'single'),
    ("@a(b,", 'single'),
    ("@a(b,c", 'single'),
    ("@a(b,c,", 'single'),
    ("from a import (", 'single'),
    ("from a import (b", 'single'),
    ("from a import (b,", 'single'),
    ("from a import (b,c", 'single'),
    ("from a import (b,c,", 'single'),
    ("[", 'single'),
    ("[a", 'single'),
    ("[a,", 'single'),
    ("[a,b", 'single'),
    ("[a,b,", 'single'),
    ("{", 'single'),
    ("{a", 'single'),
    ("{a:", 'single'),
    ("{a:b", 'single'),
    ("{a:b,", 'single'),
    ("{a:b,c", 'single'),
    ("{a:b,c:", 'single'),
    ("{a:b,c:d", 'single'),
    ("{a:b,c:d,", 'single'),
    ("a(", 'single'),
    ("a(b", 'single'),
    ("a(b,", 'single'),
    ("a(b,c", 'single'),
    ("a(b,c,", 'single'),
    ("a[", 'single'),
    ("a[b", 'single'),
    ("a[b,", 'single'),
    ("a[b:", 'single'),
    ("a[b:c", 'single'),
    ("a[b:c:", 'single'),
    ("a[b:c:d", 'single'),
    ("def a(", 'single'),
    ("def a(b", 'single'),
    ("def a(b,", 'single'),
    ("def a(b,c", 'single'),
    ("def a(b,c,", 'single'),
    ("(", 'single'),
    ("(a", 'single'),
    ("(a,", 'single'),
    ("(a,b", 'single'),
    ("(a,b,", 'single'),
    ("if a:\n pass\nelif b:", 'single'),
    ("if a:\n pass\nelif b:\n pass\nelse:", 'single'),
    ("while a:", 'single'),
    ("while a:\n pass\nelse:", 'single'),
    ("for a in b:", 'single'),
    ("for a in b:\n pass\nelse:", 'single'),
    ("try:", 'single'),
    ("try:\n pass\nexcept:", 'single'),
    ("try:\n pass\nfinally:", 'single'),
    ("try:\n pass\nexcept:\n pass\nfinally:", 'single'),
    ("with a:", 'single'),
    ("with a as b:", 'single'),
    ("class a:", 'single'),
    ("class a(", 'single'),
    ("class a(b", 'single'),
    ("class a(b,", 'single'),
    ("class a():", 'single'),
    ("[x for", 'single'),
    ("[x for x in", 'single'),
    ("[x for x in (", 'single'),
    ("(x for", 'single'),
    ("(x for x in", 'single'),
    ("(x for x in (", 'single'),
]
for c, sym in cases:
    try:
        r = codeop.compile_command(c, "<input>", sym)
        print(repr(c), sym, "None" if r is None else "code")
    except SyntaxError as e:
        print(repr(c), sym, "SyntaxError", e.msg)
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    try:
        codeop.compile_command("'\\e' 1")
    except SyntaxError:
        print("SyntaxError")   # (CPython's wording depends on its lookahead)
print([(x.category.__name__, str(x.message)) for x in w])
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    print(codeop.compile_command("'\\e' + ("))
print(w)
