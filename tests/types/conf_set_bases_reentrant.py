# Assigning __bases__ while a metaclass mro() assigns __bases__ again: the
# inner assignment wins and the subclass lists stay consistent (no cycle).
ready = False


class M(type):
    def mro(cls):
        global ready
        if ready and cls.__name__ == 'C':
            ready = False
            C.__bases__ = (B2,)
        return type.mro(cls)


class A(metaclass=M):
    pass


class B1(A):
    pass


class B2(A):
    pass


class C(A):
    pass


def names(seq):
    return [c.__name__ for c in seq]


ready = True
C.__bases__ = (B1,)
print(names(C.__bases__), names(C.__mro__), names(B1.__subclasses__()), names(B2.__subclasses__()))
B1.__bases__ = (C,)
print(names(C.__bases__), names(B2.__subclasses__()), names(B1.__subclasses__()),
      names(B1.__bases__), names(C.__subclasses__()))


class E(Exception):
    pass


class M2(type):
    def mro(cls):
        global ready
        if ready and cls.__name__ == 'C2':
            if C2.__bases__ == (B22,):
                ready = False
            else:
                C2.__bases__ = (B22,)
                raise E
        return type.mro(cls)


class A2(metaclass=M2):
    pass


class B21(A2):
    pass


class B22(A2):
    pass


class C2(A2):
    pass


ready = True
try:
    C2.__bases__ = (B21,)
except E:
    print('E raised')
B21.__bases__ = (C2,)
print(names(C2.__bases__), C2.__mro__ == tuple(type.mro(C2)), names(C2.__mro__))
