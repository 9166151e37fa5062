"""weakref proxies forward every operation to a live referent."""
import _weakref


class L(list):
    pass


class N:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return N(self.v + (other.v if isinstance(other, N) else other))

    def __radd__(self, other):
        return N(other + self.v)

    def __neg__(self):
        return N(-self.v)

    def __lt__(self, other):
        return self.v < other.v

    def __call__(self, k):
        return self.v * k

    def __repr__(self):
        return "N(%d)" % self.v


lst = L([3, 1, 2])
p = _weakref.proxy(lst)
print(len(p), p[0], 2 in p, list(p), p + [9], p == [3, 1, 2], str(p))
p[0] = 7
del p[1]
p.append(4)
print(lst, sorted(p), list(reversed(p)))
q = p
q += [5]
print(type(q).__name__, lst)

n = N(10)
m = N(3)
pn = _weakref.proxy(n)
pm = _weakref.proxy(m)
print(type(pn).__name__, pn(4), pn + 1, 1 + pn, -pn, pn + pm, pm < pn, pn.v)
pn.v = 11
print(n.v, pn.__class__.__name__)
