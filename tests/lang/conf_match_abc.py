# match sequence/mapping patterns on collections.abc classes: the ABCs'
# __abc_tpflags__ mark them, and the first class of the MRO that is a
# sequence or a mapping decides for a subclass.
import collections
import collections.abc


def kind(x):
    match x:
        case {}:
            return "map"
        case []:
            return "seq"
    return None


class Seq(collections.abc.Sequence):
    __getitem__ = None

    def __len__(self):
        return 0


class C:
    pass


class M1(collections.UserDict, collections.abc.Sequence):
    pass


class M2(C, collections.UserDict, collections.abc.Sequence):
    pass


class M3(collections.UserDict, C, list):
    pass


class S1(collections.UserList, collections.abc.Mapping):
    pass


class S3(list, C, collections.abc.Mapping):
    pass


for cls in (Seq, M1, M2, M3, S3):
    print(cls.__name__, kind(cls()), "__abc_tpflags__" in vars(collections.abc.Sequence))
print(kind(collections.UserDict({2: 3})), kind(collections.UserList([1])), kind(S1.__mro__))
match collections.UserDict({0: 1, 2: 3}):
    case {2: 3, **rest}:
        print("rest", rest)
