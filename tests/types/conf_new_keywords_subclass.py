# Keyword arguments to built-in classes whose __new__ takes none: refused
# for the class and for a subclass without __init__, accepted (and left to
# __init__) for a subclass that defines __init__ (CPython 3.11).
import itertools, operator

cases = [(float, (2.5,)), (frozenset, ([1, 2],)), (map, (str, [1, 2])),
         (filter, (None, [0, 1])), (reversed, ([1, 2],)),
         (itertools.filterfalse, (None, [0, 1])), (itertools.chain, ([1, 2], [3])),
         (itertools.starmap, (operator.pow, ((2, 3),))), (itertools.islice, ([1, 2, 3], 1, 3)),
         (itertools.takewhile, (bool, [1, 0])), (itertools.dropwhile, (bool, [1, 0])),
         (itertools.cycle, ([1, 2],)), (itertools.pairwise, ([1, 2, 3],))]
for cls, args in cases:
    name = cls.__name__
    try:
        cls(*args, newarg=3)
    except TypeError as e:
        print(name, 'class:', e)

    class Sub(cls):
        pass
    try:
        Sub(*args, newarg=3)
    except TypeError as e:
        print(name, 'subclass:', e)

    class WithInit(cls):
        def __init__(self, *a, newarg=None):
            self.newarg = newarg
    u = WithInit(*args, newarg=3)
    print(name, 'with __init__:', type(u).__name__, u.newarg)

    class WithNew(cls):
        def __new__(c, *a, newarg=None):
            self = super().__new__(c, *a)
            self.newarg = newarg
            return self
    print(name, 'with __new__:', WithNew(*args, newarg=4).newarg)
