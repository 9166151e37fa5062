"""compile/exec/eval inherit the caller's __future__ flags unless dont_inherit."""
src = 'exec("def f(x: undefined): pass"); print(f.__annotations__)\nprint(compile("def g(y: zz): pass", "c", "exec", dont_inherit=True).co_flags & 0x1000000)\nprint(compile("def g(y: zz): pass", "c", "exec").co_flags & 0x1000000)'
exec(compile(src, "<s>", "exec", flags=0x1000000))
