# Syntax errors with CPython 3.11's specific wording and ranges: invalid
# targets ("... here. Maybe you meant"), parameters, except*, match, dict
# values, __debug__ as a parameter or attribute target.
SOURCES = [
    '(a, "b", c) = (1, 2, 3)',
    '[a, b, c + 1] = [1, 2, 3]',
    'f() = 1',
    'a.b + f() = 1',
    '(x) + 1 = 2',
    '(1, 2) + 1 = 3',
    '[a][0] + 1 = 2',
    'True = 1',
    'None + 1 = 2',
    '1 = 2',
    '"s" = 1',
    'x = f() = 1',
    '-a = 1',
    'not a = 1',
    'a, b + 1 = 2',
    '*a + 1 = 2',
    '(a for a in b) = 1',
    'a if b else c = 1',
    'f(x for x in y) = 1',
    '[x][0].y() = 2',
    'obj.__debug__ = 1',
    'def foo(a=1,/*,b,c):\n   pass',
    'lambda a=1,/*,b,c: None',
    'def foo(a=1,d=,c):\n   pass',
    'def foo(a,d=,c):\n   pass',
    'def foo(a,d: int=,c):\n   pass',
    'lambda a=1,d=,c: None',
    'lambda a,d=,c: None',
    'def f(x, (y, z), w):\n   pass',
    'def f((x, y, z, w)):\n   pass',
    'def f((x, y, z), w):\n   pass',
    'lambda x, (y, z), w: None',
    'lambda (x, y, z, w): None',
    'def f(a=1, (b, c)): pass',
    'def f(x, (y)): pass',
    'def f(x, ()): pass',
    'def f(a, d=)',
    'lambda d=: 0',
    'try:\n  pass\nexcept\n  pass\n',
    'match x\n  case list():\n      pass\n',
    'try:\n  pass\nexcept* A as a:\n  pass\nexcept*:\n  pass\n',
    'try:\n  pass\nexcept*\n  pass\n',
    '{1: *12+1, 23: 1}',
    '{1: *12+1}',
    '{1: 23, 1: *12+1}',
    '{1: 2, **a, 3: *b}',
    'match x:\n  case 1: pass\n',
    'match = 1\nmatch\n',
    'def f(*, x=lambda __debug__:0): pass',
    'def f(*args:(lambda __debug__:0)): pass',
    'def f(**__debug__): pass',
    'def f(*xx, __debug__): pass',
    'lambda __debug__: 0',
    'def f(a, /, __debug__): pass',
    'a, obj.__debug__ = 1, 2',
    'for x.__debug__ in y: pass',
    'del obj.__debug__',
    'with a as b.__debug__: pass',
]

for src in SOURCES:
    try:
        compile(src, '<s>', 'exec')
        print(repr(src), "ok")
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)

# a tokenizer error right after the comma wins over the generator message
for src in ['"\\\n"(1 for c in I,\\\n\\', 'f(x for x in y, 1)', 'f(x for x in y, )']:
    try:
        compile(src, '<s>', 'exec')
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
