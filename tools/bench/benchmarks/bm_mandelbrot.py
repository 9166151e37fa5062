"""Float math: escape-time iteration over a Mandelbrot grid (complex numbers
and plain floats both)."""


def escape_complex(c, limit):
    z = 0j
    for n in range(limit):
        z = z * z + c
        if z.real * z.real + z.imag * z.imag > 4.0:
            return n
    return limit


def escape_floats(cr, ci, limit):
    zr = zi = 0.0
    for n in range(limit):
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
        if zr * zr + zi * zi > 4.0:
            return n
    return limit


def bench(w=320, h=200, limit=100):
    total_c = total_f = 0
    for j in range(h):
        ci = -1.2 + 2.4 * j / h
        for i in range(w):
            cr = -2.1 + 3.0 * i / w
            total_c += escape_complex(complex(cr, ci), limit)
            total_f += escape_floats(cr, ci, limit)
    return total_c, total_f


def check(result):
    return result[0] == result[1] == EXPECTED


EXPECTED = 1598422
