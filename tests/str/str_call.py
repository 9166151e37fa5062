class S(str):
    def __new__(cls, *a, **k):
        print('new', a, k)
        return super().__new__(cls, *a, **k)
class T(str): pass
print(str(), str(5), str(b'ab', 'ascii'), str(b'ab', encoding='ascii'), str(object=7), str(b'\xff', errors='replace'))
print(repr(S('x')), type(T('y')).__name__, T(b'z', 'ascii'), str(T('w')), type(str(T('w'))).__name__)
for args, kw in [((1, 2, 3, 4), {}), ((), {'bad': 1}), ((1,), {'object': 2}), ((b'x', 5), {})]:
    try:
        str(*args, **kw)
    except TypeError as e:
        print(e)
class R:
    def __str__(self): return 'R!'
print(str(R()), str(1.5), str(None), str([1, 'a']))
