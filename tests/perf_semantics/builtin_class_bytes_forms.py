# Specialised int(x) / str(x) / tuple(x) calls, bytes[i] and bytes + bytes:
# the values, identities and errors of the generic paths, at call sites
# quickened first on the common operand types.

class MyInt(int):
    pass


class HasInt:
    def __int__(self):
        return 42


class HasIndex:
    def __index__(self):
        return 7


class HasStr:
    def __str__(self):
        return 'custom'


class BadStr:
    def __str__(self):
        return 5


class MyBytes(bytes):
    pass


def conv_int(x):
    return int(x)


def conv_str(x):
    return str(x)


def conv_tuple(x):
    return tuple(x)


def conv_list(x):
    return list(x)


def conv_range(x):
    return range(x)


def index(b, i):
    return b[i]


def concat(a, b):
    return a + b


def attempt(f, *args):
    try:
        r = f(*args)
        return '%s %r' % (type(r).__name__, r)
    except Exception as e:
        return '%s: %s' % (type(e).__name__, e)


for _ in range(40):
    conv_int(3.5)
    conv_str(1)
    conv_tuple([1, 2])
    conv_list((1, 2))
    conv_range(3)
    index(b'abc', 1)
    concat(b'ab', b'cd')

for x in [5, -3, 2 ** 80, True, MyInt(4), 3.9, -3.9, 1e30, float('nan'), float('inf'), '12',
          ' -7 ', '0x10', 'abc', b'15', bytearray(b'8'), HasInt(), HasIndex(),
          None, [1], 1 + 2j]:
    print('int', attempt(conv_int, x))
for x in ['s', 5, 2.5, None, HasStr(), BadStr(), b'b', [1, 'a'], MyInt(3)]:
    print('str', attempt(conv_str, x))
for x in [[1, 2], (3, 4), 'ab', range(3), {1: 2}, (i for i in range(2)), 5, None]:
    print('tuple', attempt(conv_tuple, x))
for x in [[1, 2], (3, 4), 'ab', range(3), {1: 2}, (i for i in range(2)), 5, None, b'xy']:
    print('list', attempt(conv_list, x))
for x in [0, 5, -2, 2 ** 70, True, MyInt(3), HasIndex(), 2.5, '3', None]:
    print('range', attempt(conv_range, x))
l = [1]
print(conv_list(l) is l, conv_list(l) == l)
t = (1, 2)
s = 'abc'
print(conv_tuple(t) is t, conv_str(s) is s, conv_int(12345678) == 12345678)
n = 10 ** 20
print(conv_int(n) is n)

for b, i in [(b'abc', 0), (b'abc', -1), (b'abc', 2), (b'abc', 3), (b'abc', -4), (b'', 0),
             (b'\xff\x00', 0), (b'abc', 2 ** 40), (b'abc', True), (MyBytes(b'xy'), 1),
             (bytearray(b'q'), 0), ('str', 1), (b'abc', 1.0)]:
    print('index', attempt(index, b, i))
print(index(b'abc', 0) is index(b'a', 0))

e = b''
x = b'xyz'
print(concat(x, e) is x, concat(e, x) is x, concat(e, e) is e)
print(concat(MyBytes(b'a'), b'') is not None, type(concat(MyBytes(b'a'), b'')).__name__)
for a, b in [(b'a', b'b'), (b'a', bytearray(b'b')), (bytearray(b'a'), b'b'), (b'a', 'b'),
             (b'a', memoryview(b'm')), (b'', MyBytes(b's')), (MyBytes(b's'), b'')]:
    print('concat', attempt(concat, a, b))


# str % args at a site quickened on str % int
class MyStr(str):
    def __rmod__(self, other):
        return 'MyStr.__rmod__'


class RMod:
    # not a str subclass: str's % runs first and formats it
    def __rmod__(self, other):
        return 'RMod.__rmod__'

    def __str__(self):
        return 'RMod as str'


def fmt(f, x):
    return f % x


def fmt_inplace(f, x):
    f %= x
    return f


for i in range(40):
    fmt('v%d', i)
    fmt_inplace('w%d', i)
for f, x in [('v%d', 3), ('%s-%s', (1, 2)), ('%(a)s', {'a': 5}), ('%d', 'x'), ('%d %d', (1,)),
             ('plain', ()), ('plain', 5), ('%s', MyStr('m')), ('%s', RMod()), ('%s', [1]),
             ('%.2f', 2.5), ('%c', 65), ('%', 1), (MyStr('%s'), 1), (5, 2), (b'%d', 3)]:
    print('fmt', attempt(fmt, f, x), attempt(fmt_inplace, f, x))


# list + list makes a new list; list += extends the same list in place
class MyList(list):
    def __add__(self, o):
        return 'MyList.__add__'

    def __radd__(self, o):
        return 'MyList.__radd__'


def ladd(a, b):
    return a + b


def liadd(a, b):
    a += b
    return a


for i in range(40):
    ladd([i], [1, 2])
    liadd([i], [3])
x = [1, 2]
y = ladd(x, x)
print(y, y is x, x)
z = [9]
w = liadd(z, [8, 7])
print(w is z, z)
e = []
print(ladd(e, e) is e, ladd(e, [1]), ladd([1], e), liadd(e, e) is e)
for a, b in [([1], (2,)), ([1], MyList([2])), (MyList([1]), [2]), ([1], 'ab'), ([], None)]:
    print('ladd', attempt(ladd, a, b), attempt(liadd, list(a) if type(a) is list else a, b))
