# "unhashable type" names the type by its tp_name, module included for
# C types outside builtins; __hash__ is None on the class.
import collections


class L(list):
    pass


for obj in ([], {}, set(), bytearray(), L(), collections.deque()):
    try:
        hash(obj)
    except TypeError as e:
        print(e, type(obj).__hash__)
