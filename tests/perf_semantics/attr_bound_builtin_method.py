# `obj.method` read as a value (not called at once) where the method is
# a builtin type's method descriptor: LOAD_ATTR_CLASS_ATTR binds it.  The
# site must keep working for subclasses that override or shadow it, for
# other types, and when read on the class itself.

class MyList(list):
    def append(self, x):
        list.append(self, ('wrapped', x))


class Slotted(list):
    __slots__ = ('extra',)


class WithDict(list):
    pass


def get_append(obj):
    return obj.append


def get_get(obj):
    return obj.get


out = []
for _ in range(50):
    a = []
    f = get_append(a)
    f(1)
    out.append(len(a))
print(sum(out), type(get_append([])).__name__)

m = get_append([5])
print(m.__self__, m.__name__, m.__qualname__)

samples = [[], MyList(), Slotted(), WithDict(), list]
for obj in samples:
    f = get_append(obj)
    try:
        if obj is list:
            t = []
            f(t, 'cls')
            print('class', t, f is list.append)
        else:
            f(7)
            print(type(obj).__name__, list(obj))
    except Exception as e:
        print(type(e).__name__, e)

w = WithDict()
w.append = lambda x: print('instance attribute', x)
get_append(w)(3)
print(list(w))

for obj in [{}, {'k': 1}, dict]:
    g = get_get(obj)
    print(g('k', 'default') if obj is not dict else g({'k': 2}, 'k'))
try:
    get_append(3)
except AttributeError as e:
    print('AttributeError', e)
try:
    get_append(None)
except AttributeError as e:
    print('AttributeError', e)
