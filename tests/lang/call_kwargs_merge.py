# f(**d) copies d into a fresh dict (libjit eval_values.c fast path for an
# exact dict); the errors and the order of keys must stay CPython's.


def f(a, b, c=3, **kw):
    return (a, b, c, sorted(kw.items()), list(kw))


def g(**kw):
    return list(kw.items())


class D(dict):
    def __getitem__(self, k):
        return 'sub-' + str(dict.__getitem__(self, k))

    def keys(self):
        return ['b', 'a']


class M:
    def keys(self):
        return ['a', 'b']

    def __getitem__(self, k):
        return k * 2


def run(label, fn):
    out = None
    for _ in range(12):
        try:
            out = fn()
        except TypeError as e:
            out = ('TypeError', str(e))
    print(label, out)


d = {'a': 1, 'b': 2}
run('plain', lambda: f(**d))
run('extra', lambda: f(**{'a': 1, 'b': 2, 'z': 9, 'y': 8}))
run('order', lambda: g(**{'z': 1, 'a': 2, 'm': 3}))
e = {'x': 1, 'a': 5, 'b': 6}
del e['x']
run('deleted', lambda: f(**e))
run('sub', lambda: f(**D(a=1, b=2)))
run('mapping', lambda: f(**M()))
run('sub-kw', lambda: f(1, c=5, **D(b=2)))
run('sub-two', lambda: f(**{'a': 0}, **D(b=2)))
run('nonstr', lambda: f(1, 2, **{1: 2}))
run('dup-kw', lambda: f(1, b=2, **{'b': 3}))
run('dup-two', lambda: f(**{'a': 1}, **{'a': 2, 'b': 3}))
run('dup-pos', lambda: f(1, **{'a': 1, 'b': 2}))
run('missing', lambda: f(**{'a': 1}))
run('notmap', lambda: f(**[1]))
run('empty', lambda: g(**{}))
run('two', lambda: g(**{'p': 1}, **{'q': 2}))
src = {'a': 1, 'b': 2}
r = None
for _ in range(12):
    r = g(**src)
    r.append(('mutated', True))
print(src, r)
