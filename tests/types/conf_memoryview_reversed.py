# memoryview is a sequence (sq_item): reversed() works, as in CPython.
m = memoryview(b'abc')
print(list(reversed(m)), m[0], m[-1], m.__getitem__(1))
print(list(reversed(memoryview(b'abcdef').cast('H'))))
m2 = memoryview(bytes(range(12))).cast('B', (3, 4))
try:
    print(list(reversed(m2)))
except NotImplementedError as e:
    print('NotImplementedError', e)
try:
    reversed(memoryview(b'')).__next__()
except StopIteration:
    print('empty')
import collections.abc
print(isinstance(m, collections.abc.Sequence))
