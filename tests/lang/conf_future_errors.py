# `from __future__` placement errors (CPython's two reporters), annotations
# under the future (no closure cells, u'' prefix kept, obj.__debug__),
# and compile-stage SyntaxErrors quote the named file's line, not the
# source string.
import os
import tempfile

srcs = ['"""doc"""\n\nfrom __future__ import nested_scopes; import string; from __future__ import \\\n     nested_scopes\n',
        'import string; from __future__ import nested_scopes\n', 'import string\nfrom __future__ import nested_scopes\n',
        'x = 1; from __future__ import \\\n  annotations\n', 'from __future__ import braces\n',
        'from __future__ import nope\n', 'object.__debug__: int', 'from __future__ import annotations\nobject.__debug__: int',
        'object.__debug__: int = 1', 'x = 1\nbreak\n', 'def f():\n  nonlocal q\n']
for s in srcs:
    try:
        compile(s, 's', 'exec')
        print(repr(s), 'ok')
    except SyntaxError as e:
        print(repr(s), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))

with tempfile.TemporaryDirectory() as d:
    fn = os.path.join(d, "m.py")
    with open(fn, "w") as f:
        f.write("x = 1\nbreak\n")
    try:
        compile("x = 1\nbreak\n", fn, "exec")
    except SyntaxError as e:
        print(e.msg, repr(e.text))

ns = {}
exec("from __future__ import annotations\n"
     "def foo():\n    outer = 1\n    def bar():\n        inner: outer = 1\n    return bar\n"
     "def g(a: u'str', b: 'x' = 1) -> List[int]: pass\n", ns)
print(ns["foo"]().__closure__, ns["foo"].__code__.co_cellvars, ns["g"].__annotations__)
