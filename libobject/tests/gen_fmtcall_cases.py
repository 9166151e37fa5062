#!/usr/bin/python3.11
"""Generate tests/strformat_cases.inc (str.format / format_map) and
tests/percent_cases.inc (str % args, bytes % args) from CPython 3.11.

Values travel as tagged text that tests/fmt_test.h decodes:
  i:<dec> int   b:0/1 bool   f:<hex> float   c:<re>,<im> complex   s:<utf8> str
  y:<latin1> bytes   n: None   L:<dec>,... list of ints   T:<dec>,... tuple of ints
  D:<k>=<dec>,... dict str->int
Row: template, positional values, keyword values ("name=tag"), then
(expected text | error message), exception class name or NULL.
"""
import math, random, sys

def enc(v):
    if isinstance(v, bool):
        return 'b:%d' % v
    if isinstance(v, int):
        return 'i:%d' % v
    if isinstance(v, float):
        return 'f:' + (repr(v) if math.isinf(v) or math.isnan(v) else v.hex())
    if isinstance(v, complex):
        return 'c:%s,%s' % (v.real.hex(), v.imag.hex())
    if isinstance(v, str):
        return 's:' + v
    if isinstance(v, bytes):
        return 'y:' + v.decode('latin-1')
    if v is None:
        return 'n:'
    if isinstance(v, list):
        return 'L:' + ','.join(str(x) for x in v)
    if isinstance(v, tuple):
        return 'T:' + ','.join(str(x) for x in v)
    if isinstance(v, dict):
        return 'D:' + ','.join('%s=%d' % kv for kv in v.items())
    raise TypeError(v)

def cstr(s):
    if isinstance(s, bytes):
        data = s
    else:
        data = s.encode('utf-8', 'surrogatepass')
    out = '"'
    for b in data:
        c = chr(b)
        if c in '"\\':
            out += '\\' + c
        elif 32 <= b < 127:
            out += c
        else:
            out += '\\%03o' % b
    return out + '"'

def carr(items):
    return '{' + ', '.join([cstr(x) for x in items] + ['NULL']) + '}'

def outcome(f):
    try:
        r = f()
        return (r.decode('latin-1') if isinstance(r, (bytes, bytearray)) else r), None
    except Exception as e:
        msg = str(e) if not isinstance(e, KeyError) else repr(e.args[0])
        return msg, type(e).__name__

FORMAT = [
    ('{}{}', [1, 'a'], {}), ('{0}{1}{0}', [1, 'a'], {}), ('{a}-{b}', [], {'a': 1, 'b': 2.5}),
    ('a{{b}}c', [], {}), ('{{{0}}}', [7], {}), ('}', [], {}), ('{', [], {}), ('a}b', [], {}),
    ('{0}{}', [1, 2], {}), ('{}{0}', [1, 2], {}), ('{2}', [1], {}), ('{}', [], {}), ('{a}', [], {}),
    ('{!x}', [1], {}), ('{!\u00e9}', [1], {}), ('{!\n}', [1], {}), ('{0!}', [1], {}),
    ('{0!rx}', [1], {}), ('{0!r', [1], {}), ('{0!r!s}', [1], {}), ('{0.}', [1], {}),
    ('{0[]}', [[1]], {}), ('{0[0}', [[1]], {}), ('{0[0]x}', [[1]], {}), ('{0[1]}', [[5, 6]], {}),
    ('{0[a]}', [{'a': 1}], {}), ('{0[-1]}', [{'-1': 2}], {}), ('{0[ 1]}', [{' 1': 3}], {}),
    ('{0[9]}', [[1]], {}), ('{0[x]}', [[1]], {}), ('{a[0]}', [], {'a': [5]}),
    ('{:{}}', [1, 5], {}), ('{:{:{}}}', [1, 2, 3], {}), ('{0:{1}{2}}', [3.14159, '.', 3], {}),
    ('{:{}}{}', [1, 5, 7], {}), ('{0:{a}}', [1], {'a': '>4'}), ('{{}}{}', [3], {}),
    ('{99999999999999999999}', [], {}), ('{0[99999999999999999999]}', [{}], {}), ('{a{}', [], {}),
    ('{0!r:>10}', ['x'], {}), ('{0!a}', ['\u00e9'], {}), ('{0!s:^5}', [1], {}), ('{0:}}', [1], {}),
    ('{0:{{}', [1], {}), ('{0:x:y}', [1], {}), ('{:d}', ['a'], {}), ('{0.real}', [3], {}),
    ('{0.imag}', [3+4j], {}), ('{0.__class__.__name__}', [1], {}), ('{0.nope}', [1], {}),
    ('{\u0663}', [1, 2, 3, 4], {}), ('{0[\u0663]}', [[1, 2, 3, 4]], {}), ('x{}y', [None], {}),
    ('{:%}', [0.5], {}), ('', [1, 2], {'a': 3}), ('{0:{{1}}}', [1], {}), ('{0:{1}}}', [1, 2], {}),
    ('{:>{w}.{p}f}|{:<6}|{!r:^9}', [3.14159, 'ab', 'q'], {'w': 10, 'p': 2}),
    ('{0:*^{1}}', ['mid', 11], {}), ('\u20ac{0:\u20ac>5}\u20ac', ['x'], {}), ('{:,}', [1234567], {}),
    ('{:_b}', [255], {}), ('{:#x} {:#o} {:#b}', [255, 8, 5], {}), ('{:e}', [12345.678], {}),
    ('{0}', [True], {}), ('{:>5}', [True], {}), ('{:d}', [True], {}), ('{0:{1}', [1, 2], {}),
    ('{:{}{}}', [1, '>', 4], {}), ('{:s}', [1], {}), ('{:}', [1.0], {}), ('{}', [1e16], {}),
    ('{}', [3+4j], {}), ('{!r}', ['a\'b"c'], {}), ('{!a}', ['\U0001f600'], {}),
    ('{a.real}', [], {'a': 2}), ('{0}{a}{1}', [1, 2], {'a': 'A'}), ('{x}', [], {'y': 1}),
]

FORMAT_MAP = [
    ('{a}{b}', {'a': 1, 'b': 'x'}), ('{a}', {}), ('{}', {}), ('{0}', {}), ('plain', {}),
    ('{a:>{w}}', {'a': 'z', 'w': 4}), ('{a!r}', {'a': 'q'}),
]

PERCENT = [
    ('%s', 'x'), ('%s %s', (1, 2)), ('%d', 3.9), ('%d', -3.9), ('%i|%u', (5, 6)), ('%x', 255),
    ('%X', 255), ('%#x', 255), ('%#X', -255), ('%o', 8), ('%#o', 8), ('%x', 3.0), ('%o', 'a'),
    ('%d', 'a'), ('%d', None), ('%d', 2 ** 70), ('%x', -(2 ** 70)), ('%5d|%-5d|%05d', (1, 2, 3)),
    ('%+d % d %+ d', (1, 2, 3)), ('%.3d', 5), ('%8.3d', -5), ('%-08.3x', 10), ('%#010x', 255),
    ('%e', 12345.678), ('%E', 0.0001), ('%f', 1.5), ('%F', float('inf')), ('%g', 1e-5),
    ('%G', 1e20), ('%.0f', 2.5), ('%#.0f', 2.0), ('%#g', 1.0), ('%.3g', 1234.5), ('%10.2f', -3.14159),
    ('%-10.2e|', 3.14159), ('%010.3f', -3.14159), ('%+.1f', 0.05), ('% .2e', 1.0), ('%f', 10),
    ('%f', 'x'), ('%f', None), ('%e', float('nan')), ('%05f', float('-inf')), ('%f', 1e300),
    ('%.30f', 0.1), ('%c', 65), ('%c', 'z'), ('%c', '\u20ac'), ('%c', 0x10ffff), ('%c', 0x110000),
    ('%c', -1), ('%c', 'ab'), ('%c', 1.5), ('%5c|%-3c', ('a', 66)), ('%r', 'x'), ('%a', '\u00e9'),
    ('%s', None), ('%.2s', 'abcdef'), ('%5.1s|', 'xyz'), ('%-6r|', 'q'), ('%%', ()), ('%5%', ()),
    ('%s', ()), ('%s %s', ('a',)), ('%s', (1, 2)), ('abc', 5), ('abc', ()), ('abc', {'a': 1}),
    ('%y', 1), ('%', ()), ('a%', ()), ('%(a)s %(b)d', {'a': 'A', 'b': 2}), ('%(a)s', (1,)),
    ('%(a', {'a': 1}), ('%(x)s', {'a': 1}), ('%(a)s %s', {'a': 1}), ('%(a)s %%', {'a': 1}),
    ('%(a(b))s', {'a(b)': 5}), ('%*d', (5, 1)), ('%-*d|', (5, 1)), ('%*d', (-5, 1)), ('%.*f', (2, 3.14159)),
    ('%*.*f', (8, 3, 3.14159)), ('%*d', ('a', 1)), ('%.*f', ('a', 1.0)), ('%*d', (5,)),
    ('%ld %hd %Lf', (1, 2, 3.0)), ('%s', [1, 2]), ('%s', ([1, 2],)), ('%d%%', 50), ('%.2f%%', 99.5),
    ('%s\u20ac%s', ('\u00e9', '\U0001f600')), ('%\u20ac', 1), ('%d', True), ('%s', True),
    ('%x', True), ('%10s|', '\u20acuro'), ('%(a)*d', {'a': 1}),
    ('%s %s', 'ab'), ('%c', True), ('%#.3o', 8), ('%#.3x', 8), ('%.0d', 0),
    ('%#5o', 0), ('%+s', 'x'), ('%-0 5d|', 3), ('% 05d', 3), ('%0-5d|', 3), ('%+05.1f', 2.25),
    ('%d', 3+0j), ('%e', 'x'), ('%x', 2.5), ('%(a)d', {'a': 'x'}), ('%.1000f', 1.5),
]

BYTES_PERCENT = [
    (b'%s', b'ab'), (b'%b', b'ab'), (b'%s', 'ab'), (b'%b', 1), (b'%a', 'x\u00e9'), (b'%r', b'q'),
    (b'%d|%5d|%-5x|%#o', (1, 2, 255, 8)), (b'%c', 65), (b'%c', b'z'), (b'%c', 256), (b'%c', b'ab'),
    (b'%c', 'a'), (b'%f|%.2e|%g', (1.5, 1234.5, 1e-5)), (b'%(a)s', {b'a': b'x'}),
    (b'%(a)s', {'a': b'x'}), (b'%s', bytearray(b'ba')), (b'%.1s', b'xyz'), (b'%5s|', b'ab'),
    (b'%s %s', (b'a',)), (b'abc', 5), (b'%y', 1), (b'%%%d', 5), (b'%s', None), (b'%x', 'a'),
    (b'%d', 'a'), (b'\xff%s', b'\xfe'), (b'%a', b'\xff'),
]

def fmtrow(fmt, args, kw, is_map=False):
    if is_map:
        res, exc = outcome(lambda: fmt.format_map(kw))
        kwl = ['%s=%s' % (k, enc(v)) for k, v in kw.items()]
        return '{%s, 1, %s, %s, %s, %s},' % (cstr(fmt), carr([]), carr(kwl), cstr(res),
                                              cstr(exc) if exc else 'NULL')
    res, exc = outcome(lambda: fmt.format(*args, **kw))
    kwl = ['%s=%s' % (k, enc(v)) for k, v in kw.items()]
    return '{%s, 0, %s, %s, %s, %s},' % (cstr(fmt), carr([enc(a) for a in args]), carr(kwl),
                                          cstr(res), cstr(exc) if exc else 'NULL')

def pctrow(fmt, arg):
    res, exc = outcome(lambda: fmt % arg)
    if isinstance(arg, tuple):
        kind, vals, kwl = 't', [enc(a) for a in arg], []
    elif isinstance(arg, dict):
        kind, vals = 'd', []
        kwl = ['%s=%s' % (k.decode('latin-1') if isinstance(k, bytes) else k, enc(v))
               for k, v in arg.items()]
        if arg and isinstance(next(iter(arg)), bytes):
            kind = 'e'          # dict with bytes keys
    else:
        kind, vals, kwl = 'v', [enc(arg) if not isinstance(arg, (bytearray, memoryview)) else
                                ('Y:' if isinstance(arg, bytearray) else 'M:') + bytes(arg).decode('latin-1')], []
    if isinstance(res, str) and isinstance(fmt, bytes) and exc is None:
        res = res.encode('latin-1')
    nres = len(res) if isinstance(res, bytes) else len(res.encode('utf-8', 'surrogatepass'))
    return '{%s, %d, \'%s\', %s, %s, %s, %d, %s},' % (
        cstr(fmt), len(fmt) if isinstance(fmt, bytes) else len(fmt.encode('utf-8', 'surrogatepass')), kind, carr(vals), carr(kwl), cstr(res), nres,
        cstr(exc) if exc else 'NULL')

def random_percent(rng, count, as_bytes):
    """Random conversions: flags, width, precision and type over ints,
    floats and text (fixed seed: the table is reproducible)."""
    values = [0, 1, -1, 7, 255, -255, 65, 2 ** 64, -(10 ** 20), True, 0.0, -0.0, 1.5, -2.25,
              0.1, 1e-7, 123456.789, 1e22, float('inf'), float('-inf'), float('nan'), 'ab',
              '\u00e9t\u00e9', b'xy', None, 3 + 4j]
    rows = []
    for _ in range(count):
        conv = rng.choice('diouxXeEfFgGcrsa' + ('b' if as_bytes else ''))
        spec = '%' + ''.join(rng.sample('-+ #0', rng.randint(0, 3)))
        spec += rng.choice(['', '', '1', '7', '12', '*'])
        spec += rng.choice(['', '', '.0', '.3', '.12', '.*'])
        spec += conv
        v = rng.choice(values)
        if as_bytes and isinstance(v, str):
            v = v.encode('utf-8') if rng.random() < 0.5 else v
        if not as_bytes and isinstance(v, bytes):
            v = v.decode()
        args = []
        if '*' in spec.split('.')[0]:
            args.append(rng.choice([5, -5, 0]))
        if '.*' in spec:
            args.append(rng.choice([2, -1, 9]))
        args.append(v)
        fmt = '[' + spec + ']'
        rows.append((fmt.encode() if as_bytes else fmt, tuple(args)))
    return rows

def main(which):
    out = ['/* @generated by libobject/tests/gen_fmtcall_cases.py (python3.11 %s): do not edit. */'
           % sys.version.split()[0]]
    if which == 'format':
        out += [fmtrow(f, a, k) for f, a, k in FORMAT]
        out += [fmtrow(f, [], m, True) for f, m in FORMAT_MAP]
    elif which == 'percent':
        out += [pctrow(f, a) for f, a in PERCENT]
        out += [pctrow(f, a) for f, a in random_percent(random.Random(461), 1500, False)]
    else:
        out += [pctrow(f, a) for f, a in BYTES_PERCENT]
        out += [pctrow(f, a) for f, a in random_percent(random.Random(462), 600, True)]
    print('\n'.join(out))

if __name__ == '__main__':
    main(sys.argv[1])
