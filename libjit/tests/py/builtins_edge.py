"""Builtins and sys on unusual arguments: errors, never crashes."""
import sys
class S(str): pass
tests = ["sorted(None)", "max(key=1)", "print(1, file=object())", "exec(b'\\xff')", "compile(b'\\xff', 'x', 'exec')",
 "sys.stdout.write(S('sub\\n'))", "eval('len', {'__builtins__': 1})", "sys.intern(S('a'))", "sorted(vars(type))[:3]", "dir(None)[:3]",
 "sys.setrecursionlimit(10**10)", "chr(-2**100)", "round(1e308, -400)", "sum(i for i in range(3))", "next(iter([]))",
 "min([1, 'a'])", "isinstance(1, (int, (str, 1)))", "issubclass(int, 1)", "hash(S('x')) == hash('x')", "id(1) == id(1)",
 "ord(S('a'))", "len(S('ab'))", "abs(-0.0)", "pow(0, -1)", "pow(2, 3, 0)", "divmod(1, 0.0)", "round(float('inf'))", "round(float('nan'), 2)",
 "iter(lambda: 1, 1).__next__()", "format(S('x'), S('>3'))", "getattr(1, S('real'))", "setattr(1, 'x', 2)", "delattr(S('a'), 'x')",
 "exec('raise ValueError(1)')", "eval('(')", "compile('x=', 'f', 'exec')", "__import__('sys', fromlist=['x']).__name__",
 "__import__('sys.x', fromlist=['y'])", "sys.exit.__name__", "sys.getrecursionlimit()", "vars(sys)['__name__']",
 "print(end=S('!\\n'))", "sorted([3,1,2], key=None)", "anext(aiter(1))", "sys.getsizeof(1, 2, 3)", "input(1, 2)", "repr(sys.flags)[:10]", "type(sys.flags)(1)", "sys.flags.optimize", "sys.version_info.releaselevel", "tuple(sys.version_info)[:3]"]
for t in tests:
    try:
        r = eval(t)
        print(t, "=>", repr(r))
    except BaseException as e:
        print(t, "!!", type(e).__name__, str(e)[:100])
