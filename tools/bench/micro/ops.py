"""Micro-operations timed in-process (CPU ms per 1M operations); run under
Kiln and /usr/bin/python3.11 and compare:  python tools/bench/micro/ops.py [t_name ...]
"""
import time, sys
def t_loop(n):
    for i in range(n): pass
def t_add(n):
    x = 0
    for i in range(n): x = x + i
def t_fadd(n):
    x = 0.0
    for i in range(n): x = x + 1.5 * 2.0
def t_call(n):
    def f(a, b): return a
    for i in range(n): f(i, i)
def t_callkw(n):
    def f(a, b=1): return a
    for i in range(n): f(i, b=i)
def t_method(n):
    class C:
        def m(self, a): return a
    c = C()
    for i in range(n): c.m(i)
def t_attr(n):
    class C:
        def __init__(self): self.x = 1
    c = C()
    for i in range(n): c.x; c.x; c.x
def t_setattr(n):
    class C: pass
    c = C()
    for i in range(n): c.x = i
def t_new(n):
    class C:
        def __init__(self, a): self.a = a
    for i in range(n): C(i)
def t_slots_new(n):
    class C:
        __slots__ = ('a',)
        def __init__(self, a): self.a = a
    for i in range(n): C(i)
def t_list_idx(n):
    l = [1,2,3]
    for i in range(n): l[1]; l[2]; l[0]
def t_list_append(n):
    l = []
    for i in range(n): l.append(i)
def t_dict_get(n):
    d = {'a': 1, 'b': 2}
    for i in range(n): d['a']; d['b']
def t_dict_set(n):
    d = {}
    for i in range(n): d[i & 1023] = i
def t_tuple_unpack(n):
    for i in range(n): a, b = i, i
def t_global(n):
    for i in range(n): len; len; len
def t_str_concat(n):
    s = ''
    for i in range(n // 10): s += 'x'
def t_str_fmt(n):
    for i in range(n // 4): f'{i} and {i}'
def t_genexp(n):
    sum(x for x in range(n))
def t_listcomp(n):
    [x for x in range(n)]
def t_closure(n):
    c = 0
    def inc():
        nonlocal c
        c += 1
    for i in range(n): inc()
def t_isinstance(n):
    for i in range(n): isinstance(i, int)
def t_compare(n):
    x = 0
    for i in range(n):
        if i < 5: x += 1
def t_try(n):
    for i in range(n):
        try: pass
        except Exception: pass
def t_raise(n):
    for i in range(n // 10):
        try: raise ValueError
        except ValueError: pass
def t_star(n):
    def f(*a, **k): return a
    for i in range(n // 2): f(1, 2, x=3)
def t_builtin_call(n):
    for i in range(n): abs(i); min(i, 3)
def t_bigint(n):
    x = 1
    for i in range(n // 10): x = x * 3 + 1
def t_kwcall_cls(n):
    class P:
        def __init__(self, x=0, y=0): self.x = x; self.y = y
    for i in range(n // 2): P(x=1, y=2)
def t_property(n):
    class C:
        def __init__(self): self._x = 1
        @property
        def x(self): return self._x
    c = C()
    for i in range(n): c.x
N = 1000000
names = sys.argv[1:] or [k for k in list(globals()) if k.startswith('t_')]
for k in names:
    f = globals()[k]
    t0 = time.process_time(); f(N); t = time.process_time() - t0
    print(f"{k} {t*1000:.1f}")
