#!/usr/bin/python3.11
"""Generate tests/format_cases.inc: format(value, spec) cases as
CPython 3.11 answers them (run with /usr/bin/python3.11).

Each row: kind ('i' int from decimal text, 'b' bool, 'f' float, 'c' complex,
's' str), int text, re, im, str value, spec, expected text or error message,
exception class name (NULL when no error)."""
import math, os, random, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_fmtcall_cases import cstr  # noqa: E402

def cdouble(x):
    if math.isnan(x):
        return '(-NAN)' if math.copysign(1, x) < 0 else 'NAN'
    if math.isinf(x):
        return 'INFINITY' if x > 0 else '-INFINITY'
    return x.hex()

def row(kind, v, spec):
    try:
        res, exc = format(v, spec), None
    except Exception as e:
        res, exc = str(e), type(e).__name__
    ival, re, im, sval = '0', 0.0, 0.0, ''
    if kind in 'ib':
        ival = str(int(v))
    elif kind == 'f':
        re = v
    elif kind == 'c':
        re, im = v.real, v.imag
    else:
        sval = v
    return '{%r, %s, %s, %s, %s, %s, %s, %s},' % (
        kind, cstr(ival), cdouble(re), cdouble(im), cstr(sval), cstr(spec), cstr(res),
        cstr(exc) if exc else 'NULL')

ALIGN = ['', '<', '>', '^', '=', '*<', '\u00e9^', '0=', 'x>']
SIGN = ['', '+', '-', ' ']
def spec(rng, types, precs, z=True):
    return (rng.choice(ALIGN) + rng.choice(SIGN) + (rng.choice(['', '', 'z']) if z else '') +
            rng.choice(['', '#']) + rng.choice(['', '', '0']) + rng.choice(['', '', '1', '8', '13', '25']) +
            rng.choice(['', '', ',', '_']) + rng.choice(precs) + rng.choice(types))

def main():
    rng = random.Random(311)
    rows = []
    ints = [0, 1, -1, 7, 65, 255, -255, 1234, -1234567, 10**20, -(2**70), 0x10ffff, 0x110000, 99999]
    floats = [0.0, -0.0, 1.0, -1.5, 0.1, 1e-5, 123456.789, 1e16, 1e22, -1e-10, 2.5, 5e-324,
              1.7976931348623157e308, math.inf, -math.inf, math.nan, 0.125, 1234567.891,
              9.999999, 0.5, 100.0, 1e15, 0.000123456, -99.995, 3.14159265358979]
    cplx = [0j, 1j, -1j, 3+4j, -0.0+2j, 1.5-2.25j, complex(1e20, -1e-7), complex(math.inf, math.nan),
            complex(-0.0, -0.0), 12345.678+0.001j]
    strs = ['abc', '', 'h\u00e9llo', '\u20acuro', '\U0001d11ex', 'a' * 20]
    itypes = ['', 'b', 'o', 'd', 'x', 'X', 'c', 'n', 'e', 'f', 'g', '%', 'E', 'G', 'F', 's', 'q']
    ftypes = ['', 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%', 'd', 'x']
    precs = ['', '', '.0', '.1', '.3', '.10', '.17', '.25']
    for _ in range(1600):
        v = rng.choice(ints)
        rows.append(row('i', v, spec(rng, itypes, ['', '', '', '.2'])))
    rows.append(row('b', True, ''))
    rows.append(row('b', True, 'd'))
    rows.append(row('b', False, '>5'))
    for _ in range(2200):
        rows.append(row('f', rng.choice(floats), spec(rng, ftypes, precs)))
    for _ in range(800):
        rows.append(row('c', rng.choice(cplx), spec(rng, ftypes, precs)))
    for _ in range(500):
        rows.append(row('s', rng.choice(strs), spec(rng, ['', '', 's', 'd'], ['', '', '.0', '.2', '.30'], z=False)))
    fixed = [('i', 1234, '010,'), ('i', 1234, '08,'), ('i', 1, '\u0663'), ('i', 1, ',,'), ('i', 1, ',_'),
             ('i', 1, '_,'), ('i', 1, 'xx'), ('i', 1, '\x80'), ('i', 1, ',\x80'), ('i', 1, '\n'),
             ('i', 1, ' '), ('i', 1, 'c3'), ('i', 1, '99999999999999999999'), ('f', 1.5, '.'),
             ('f', 1.5, '.99999999999999999999f'), ('f', 1.5, '.3000000000f'), ('i', 10**20, 'c'),
             ('i', -1, 'c'), ('i', 255, '#_b'), ('i', -255, '#012_x'), ('f', 1e100, ',.0f'),
             ('f', 1.5, '.1000f'), ('f', 12.0, '.0'), ('f', 0.5, '.0'), ('s', 'x', '0<5'), ('s', 'ab', '05'),
             ('i', 2**100, '_x'), ('i', 2**100, '_b'), ('f', 123456789.123, '_f'),
             ('c', 1j, '0<5'), ('c', 1j, '*=5'), ('i', 65, '=5c'), ('i', 65, ',c'), ('s', 'a', '<=')]
    for k, v, s in fixed:
        rows.append(row(k, v, s))
    # rounding and notation boundaries, every value x every spec
    edge = [9.5, 99.95, 0.000099995, 1e-4, 9.9999e-5, 123456789012345678.0, 2.0 ** 53,
            1e-323, 0.05, 0.15, 0.25, 0.35, 1.0 / 3, 2.0 / 3, 1e15, 9.999999999999999e15,
            1e16, 1e17, 12345.5, 0.0005, 5e-5, 999999.5, 1e100, -0.0049, 7.0]
    for v in edge:
        for sp in ['', '.1', '.2', '.3', '.16', '.17', 'g', '.1g', '.0g', '#.3g', 'e', '.0e',
                   '.3f', '.0f', '%', '.0%', 'n', ',', '_.3f', 'z.0f', 'z.1', '#', '#.0', '.2G',
                   '015,.2f', '<12.4e', '^+12,', '=+15_.1f']:
            rows.append(row('f', v, sp))
            rows.append(row('f', -v, sp))
    # zero padding of grouped numbers, every width
    for v in [1, 1234, -1234567, 255, 10 ** 12]:
        for w in range(1, 31):
            for pat in ['0%d,', '0%d_', '0%d_x', '0%d_b', '+0%d,', '0=%d,', '#0%d_o']:
                rows.append(row('i', v, pat % w))
            rows.append(row('f', v + 0.25, '0%d,.2f' % w))
    # random bit patterns: repr-style digits and correctly rounded ones
    import struct
    for _ in range(400):
        v = struct.unpack('<d', rng.getrandbits(64).to_bytes(8, 'little'))[0]
        rows.append(row('f', v, rng.choice(['', '.17g', 'e', '.3', '.30e', 'f' if abs(v) < 1e50 else 'g'])))
    sys.stdout.write('/* @generated by libobject/tests/gen_format_cases.py (python3.11 %s): '
                     'do not edit. */\n' % sys.version.split()[0])
    sys.stdout.write('\n'.join(rows) + '\n')

if __name__ == '__main__':
    main()
