# z.real / z.imag on an exact complex (libjit LOAD_ATTR_COMPLEX_*); other
# receivers at the same site keep their own attributes.
import math


class C(complex):
    @property
    def real(self):
        return 'overridden'


class D(complex):
    pass


def parts(z):
    return z.real, z.imag


out = []
for _ in range(12):
    out.append([parts(v) for v in (1 + 2j, complex(-0.0, math.inf), C(3, 4), D(5, 6),
                                   7, 2.5, True, complex(math.nan, -0.0))])
for row in out[-1]:
    print([(type(x).__name__, repr(x)) for x in row])
z = 1j
r = []
for _ in range(12):
    r.append(z.real is z.real)
    try:
        z.real = 3
    except AttributeError as e:
        msg = str(e)
print(r[-1], msg)
