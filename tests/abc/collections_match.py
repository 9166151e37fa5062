# collections.abc over builtins and user classes; match on registered
# Sequence / Mapping classes (the flags _abc_register propagates).
import collections.abc as cabc
from collections import OrderedDict, deque, defaultdict, Counter

for obj in ([], (), "", b"", bytearray(), {}, set(), frozenset(), range(3),
            memoryview(b""), iter([]), (x for x in ()), OrderedDict(),
            Counter(), {}.keys(), {}.items(), {}.values(), 1, 1.5, None, len):
    names = [n for n in ("Container", "Hashable", "Iterable", "Iterator",
                         "Reversible", "Generator", "Sized", "Callable",
                         "Collection", "Sequence", "MutableSequence", "Set",
                         "MutableSet", "Mapping", "MutableMapping", "MappingView",
                         "KeysView", "ItemsView", "ValuesView", "ByteString")
             if isinstance(obj, getattr(cabc, n))]
    print(type(obj).__name__, names)


class MySeq(cabc.Sequence):
    def __init__(self, *items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


class MyMap(cabc.Mapping):
    def __init__(self, **kw):
        self.d = kw

    def __getitem__(self, k):
        return self.d[k]

    def __iter__(self):
        return iter(self.d)

    def __len__(self):
        return len(self.d)


def m(x):
    match x:
        case {"a": v}:
            return ("map", v)
        case [a, b]:
            return ("seq2", a, b)
        case [*rest]:
            return ("seq", len(rest))
        case _:
            return "other"


class LateSeq:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        if i >= 2:
            raise IndexError
        return i * 10


class LateSeqChild(LateSeq):
    pass


class LateMap:
    def __init__(self):
        self.d = {"a": 7}

    def __getitem__(self, k):
        return self.d[k]

    def get(self, k, default=None):
        return self.d.get(k, default)

    def keys(self):
        return self.d.keys()

    def __len__(self):
        return 1

    def __iter__(self):
        return iter(self.d)


print(m(MySeq(1, 2)), m(MySeq(1, 2, 3)), m(MyMap(a=1)), m("ab"), m(b"ab"))
print(m(LateSeq()), m(LateSeqChild()), m(LateMap()))
cabc.Sequence.register(LateSeq)
cabc.Mapping.register(LateMap)
print(m(LateSeq()), m(LateSeqChild()), m(LateMap()))
print(isinstance(LateSeqChild(), cabc.Sequence), isinstance(LateMap(), cabc.Mapping))
print(issubclass(LateSeq, cabc.Reversible), issubclass(LateMap, cabc.Collection))

# a mapping ABC registered as sequence after: the latest registration wins
class Flip(LateMap):
    pass

cabc.Sequence.register(Flip)
print(m(Flip()))

# builtins keep their nature
cabc.Sequence.register(dict) if False else None
print(m("xy"), m(bytearray(b"xy")))


class S(cabc.Set):
    def __init__(self, it=()):
        self.s = set(it)

    def __contains__(self, x):
        return x in self.s

    def __iter__(self):
        return iter(sorted(self.s))

    def __len__(self):
        return len(self.s)


print(sorted(S([1, 2]) | S([3])), S([1]) <= S([1, 2]), isinstance(S(), cabc.Hashable))
print(issubclass(defaultdict, cabc.MutableMapping), issubclass(str, cabc.ByteString))
try:
    cabc.Sequence()
except TypeError as e:
    print("TypeError:", e)
