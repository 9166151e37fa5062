# object.__reduce_ex__ finds copyreg in sys.modules on every call: a
# replaced, None or deleted entry is honoured exactly as CPython does.
import copy
import copyreg
import pickle
import sys
import types


class Plain:
    def __init__(self, x):
        self.x = x

    def __eq__(self, other):
        return type(other) is type(self) and vars(other) == vars(self)


class WithState(Plain):
    def __getstate__(self):
        return {'x': self.x, 'extra': 'from getstate'}


class Slotted:
    __slots__ = ('a', 'b')

    def __init__(self, a):
        self.a = a


class SlottedDict(Slotted):
    def __init__(self, a):
        super().__init__(a)
        self.c = 'dict part'


class NewArgs(int):
    def __getnewargs__(self):
        return (int(self) * 2,)


class NewArgsEx:
    def __new__(cls, *args, **kw):
        self = object.__new__(cls)
        self.args, self.kw = args, kw
        return self

    def __getnewargs_ex__(self):
        return self.args, self.kw


class ListSub(list):
    pass


class DictSub(dict):
    pass


def show(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, '->', type(e).__name__, e)
    else:
        print(label, '->', r)


def describe(r):
    if not isinstance(r, tuple):
        return repr(r)
    out = []
    for item in r:
        if isinstance(item, type) or callable(item):
            out.append(getattr(item, '__qualname__', type(item).__name__))
        elif isinstance(item, tuple):
            out.append(tuple(getattr(i, '__qualname__', i) if isinstance(i, type) else i
                             for i in item))
        elif hasattr(item, '__next__'):
            out.append(list(item))
        else:
            out.append(item)
    return tuple(out)


objs = [Plain(1), WithState(2), Slotted(3), SlottedDict(4), NewArgs(5),
        NewArgsEx(1, 2, k='v'), ListSub([1, 2]), DictSub(a=1)]

print('-- reduce_ex with the real copyreg')
for o in objs:
    for p in range(0, 6):
        show(f'{type(o).__name__} proto {p}', lambda: describe(o.__reduce_ex__(p)))

print('-- pickle and copy round trips')
for o in objs:
    for p in range(0, pickle.HIGHEST_PROTOCOL + 1):
        try:
            back = pickle.loads(pickle.dumps(o, p))
            print(type(o).__name__, p, type(back).__name__,
                  getattr(back, '__dict__', None), [getattr(back, s, None) for s in ('a', 'b')])
        except Exception as e:
            print(type(o).__name__, p, type(e).__name__, e)
    c = copy.copy(o)
    d = copy.deepcopy(o)
    print('copy', type(c).__name__, getattr(c, '__dict__', None), type(d).__name__)

saved = sys.modules['copyreg']
try:
    print('-- replaced by a module without helpers')
    sys.modules['copyreg'] = types.ModuleType('copyreg')
    for p in (0, 1, 2, 4):
        show(f'empty module proto {p}', lambda: Plain(1).__reduce_ex__(p))
    show('empty module pickle', lambda: pickle.dumps(Plain(1), 2))
    show('empty module copy', lambda: copy.copy(Plain(1)))

    print('-- replaced by None / a str')
    for repl in (None, 'not a module'):
        sys.modules['copyreg'] = repl
        for p in (0, 2, 5):
            show(f'{repl!r} proto {p}', lambda: Slotted(1).__reduce_ex__(p))
        show(f'{repl!r} copy', lambda: copy.copy(Plain(1)))

    print('-- replaced by a module with its own helpers')
    fake = types.ModuleType('copyreg')
    fake.__newobj__ = lambda cls, *a: ('NEWOBJ', cls.__name__, a)
    fake.__newobj_ex__ = lambda cls, a, kw: ('NEWOBJ_EX', cls.__name__, a, kw)
    fake._reduce_ex = lambda self, proto: ('REDUCE_EX', type(self).__name__, proto)
    sys.modules['copyreg'] = fake
    for o in (Plain(1), NewArgs(3), NewArgsEx(1, k=2)):
        for p in (0, 1, 2, 3):
            r = o.__reduce_ex__(p)
            print(type(o).__name__, p, r if p < 2 else r[0](*r[1]))
    print(Plain(1).__reduce__())

    print('-- deleted: imported again')
    del sys.modules['copyreg']
    r = Plain(7).__reduce_ex__(2)
    print(r[0].__module__, r[0].__name__, 'copyreg' in sys.modules,
          sys.modules['copyreg'] is saved)
    print(pickle.loads(pickle.dumps(Plain(8), 0)) == Plain(8))
finally:
    sys.modules['copyreg'] = saved

print('-- restored')
print(describe(Plain(9).__reduce_ex__(2)), copy.deepcopy(SlottedDict(5)).a)
print(copyreg.__newobj__ is Plain(1).__reduce_ex__(3)[0])
