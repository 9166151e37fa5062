"""code objects' location tables: co_linetable decodes (PEP 626/657 format)
to what co_positions() and co_lines() say, co_lnotab follows co_lines();
_varname_from_oparg; iterator types; read-only function attributes;
iterator pickling through builtins.iter."""


def read_varint(t, i):
    shift = v = 0
    while True:
        b = t[i]
        i += 1
        v |= (b & 63) << shift
        shift += 6
        if not b & 64:
            return v, i


def read_svarint(t, i):
    v, i = read_varint(t, i)
    return (-(v >> 1) if v & 1 else v >> 1), i


def decode(code):
    # one (line, end_line, col, end_col) per code unit
    t = code.co_linetable
    i = 0
    line = code.co_firstlineno
    out = []
    while i < len(t):
        head = t[i]
        i += 1
        assert head & 128, "entry must start with the high bit set"
        kind = (head >> 3) & 15
        n = (head & 7) + 1
        if kind == 15:
            pos = (None, None, None, None)
        elif kind == 14:
            d, i = read_svarint(t, i)
            line += d
            el, i = read_varint(t, i)
            c, i = read_varint(t, i)
            ec, i = read_varint(t, i)
            pos = (line, line + el, c - 1 if c else None, ec - 1 if ec else None)
        elif kind == 13:
            d, i = read_svarint(t, i)
            line += d
            pos = (line, line, None, None)
        elif kind >= 10:
            line += kind - 10
            pos = (line, line, t[i], t[i + 1])
            i += 2
        else:
            b = t[i]
            i += 1
            c = kind * 8 + ((b >> 4) & 7)
            pos = (line, line, c, c + (b & 15))
        out.extend([pos] * n)
    return out


def lnotab_from_lines(code):
    # the 3.10 table rebuilt from co_lines(): (byte delta, line delta) pairs
    out = []
    line = code.co_firstlineno
    at = 0
    for start, end, l in code.co_lines():
        if l is None or l == line:
            continue
        bd, ld = start - at, l - line
        while bd > 255:
            out += [255, 0]
            bd -= 255
        while ld > 127:
            out += [bd, 127]
            ld -= 127
            bd = 0
        while ld < -128:
            out += [bd, 128]
            ld += 128
            bd = 0
        out += [bd, ld & 255]
        at, line = start, l
    return bytes(out)


def sample(a, b=2, *c, **d):
    x = a + b
    y = [i * 2 for i in range(3)]
    s = (a +
         b)
    try:
        z = 1 / 0
    except ZeroDivisionError:
        z = "a very long line that puts columns past eighty and one hundred and twenty eight" + str(a)
    def inner():
        return x + y[0]
    return inner, s, z


def far():
    a = 1



































































































































































    return a


def codes(co):
    yield co
    for k in co.co_consts:
        if type(k) is type(co):
            yield from codes(k)


for co in codes(sample.__code__):
    print(co.co_name, "linetable == positions:", decode(co) == list(co.co_positions()))
    print(co.co_name, "lnotab == lines:", co.co_lnotab == lnotab_from_lines(co))
    print(co.co_name, "lines cover code:", [r[0] for r in co.co_lines()][0] == 0,
          list(co.co_lines())[-1][1] == len(co.co_code))
print("far lnotab == lines:", far.__code__.co_lnotab == lnotab_from_lines(far.__code__))
print("far linetable == positions:", decode(far.__code__) == list(far.__code__.co_positions()))
co = sample.__code__
print(type(co.co_linetable).__name__, type(co.co_lnotab).__name__)
print(type(co.co_lines()).__name__, type(co.co_positions()).__name__)
it = co.co_lines()
print(iter(it) is it, len(list(it)) == len(list(co.co_lines())), list(it))
print([co._varname_from_oparg(i) for i in range(5)])
print(co._varname_from_oparg(oparg=0))
for bad in (99, "x"):
    try:
        co._varname_from_oparg(bad)
    except Exception as e:
        print(type(e).__name__, e)
for name in ("__closure__", "__globals__", "__builtins__"):
    for op in (lambda: setattr(sample, name, {}), lambda: delattr(sample, name)):
        try:
            op()
        except AttributeError as e:
            print(name, e)
print(sample.__closure__, sample(1)[0].__closure__[0].cell_contents)
r = iter([1, 2, 3])
next(r)
red = r.__reduce__()
print(red[0] is iter, red[1:])
# replace(co_linetable=...): the table is read back into positions
c2 = co.replace(co_linetable=co.co_linetable)
print("linetable round trip:", list(c2.co_positions()) == list(co.co_positions()),
      c2.co_linetable == co.co_linetable, list(c2.co_lines()) == list(co.co_lines()))
# every unit at one place: line firstlineno + 1, columns 2..5, written in the long form
n = len(co.co_code) // 2
# (the line delta is relative: +1 in the first entry, 0 after)
long_form = b"".join(bytes([0x80 | (14 << 3) | (min(8, n - i) - 1), 0 if i else 2, 0, 3, 6])
                     for i in range(0, n, 8))
c4 = co.replace(co_linetable=long_form)
print("long form:", set(c4.co_positions()) == {(co.co_firstlineno + 1, co.co_firstlineno + 1, 2, 5)})
try:
    co.replace(co_linetable="x")
except TypeError as e:
    print("TypeError", e)
