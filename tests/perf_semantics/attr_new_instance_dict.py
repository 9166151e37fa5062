# Instance dicts made by class instantiation (CALL_ALLOC_AND_INIT) come
# presized to the number of attributes __init__ stored last time, and a
# store into a fresh dict appends at the hinted entry.  The dict must stay
# an ordinary dict: growth past the learned size, deletion, keys put in
# through __dict__ (colliding hashes, str subclasses, non-str keys).


class Eq:
    def __init__(self, name, h):
        self.name, self.h = name, h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        print("  __eq__", self.name, "vs", other)
        return other == self.name


class S(str):
    pass


class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b


for i in range(40):
    p = P(i, -i)
print(p.__dict__, p.a, p.b)

# growth past the learned size, in insertion order
for i in range(5):
    p = P(i, i * 2)
    for j in range(i + 3):
        setattr(p, "x%d" % j, j)
    p.a = "again"
    print(list(p.__dict__.items()))

# deletion, then re-adding
p = P(1, 2)
del p.a
p.a = 3
print(p.__dict__, len(p.__dict__))


class Q:
    def __init__(self, first):
        self.__dict__[first] = "pre"
        self.b = 1
        self.a = 2


for i in range(30):
    q = Q("z")
print(q.__dict__)
# a key that equals 'a' by __eq__ and shares its hash: the store must ask it
q = Q(Eq("a", hash("a")))
print(sorted(map(str, q.__dict__.values())), len(q.__dict__))
q = Q(S("b"))
print(q.__dict__, type(list(q.__dict__)[0]).__name__)
q = Q(7)
print(q.__dict__)


class R:
    def __init__(self, k):
        self.k = k
        self.__dict__.clear()
        self.k = k + 1
        self.m = 0


for i in range(30):
    r = R(i)
print(r.__dict__, vars(r))
print(sorted(P(1, 2).__dict__), P(1, 2).__dict__ == {"a": 1, "b": 2})


class Many:
    def __init__(self):
        for n in "abcdefgh":
            setattr(self, n, n)
        self.i = 1


for i in range(30):
    m = Many()
print(m.__dict__)
