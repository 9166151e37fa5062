# compile(..., "single"): one statement (compound ones with multi-line bodies), then
# only blank lines; CPython's errors for more, and for no statement at all.
for src in ['', '\n', '# c\n', '  \n', '\n\nx\n', 'x = 1; y = 2\n', 'x = 1\n# comment\n\n', 'if 1:\n  pass\nelse:\n  pass\n', 'if 1:\n  pass\nx=1\n', 'for i in x:\n    a\n    b\n\n\n', '@d\ndef f():\n  a\n  b\n', 'x = (1,\n 2)\ny\n', '1 +\n', 'def f(x):\n    y = x\n    return y\n', 'x = 1\ny = 2\n']:
    try:
        c = compile(src, '<s>', 'single'); print('ok', c.co_names)
    except SyntaxError as e:
        print(repr(src), 'SyntaxError', e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text) if src else "")
