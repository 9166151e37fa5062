# Pickling C-level callables as CPython 3.11 does: method descriptors,
# slot wrappers and method-wrappers reduce to getattr(owner, name); static
# methods of built-in types know their class (qualname 'str.maketrans');
# classmethod and getset descriptors do not pickle.
import pickle

print(str.maketrans.__qualname__, str.maketrans.__self__)
print(bytes.maketrans.__qualname__, bytearray.maketrans.__qualname__)
print(str.maketrans('ab', 'cd') == {97: 99, 98: 100})
print(str.upper.__reduce__())
print(list.__add__.__reduce__())
print([].append.__reduce__())
print([].__add__.__reduce__())
print((5).__add__.__qualname__, (5).__add__.__reduce__())
print(type(int.__dict__['numerator']).__name__, hasattr(type(int.__dict__['numerator']), '__reduce__'))
print(len.__reduce__(), len.__qualname__)

cases = (str.upper, list.__add__, [].__len__, str.maketrans, dict.fromkeys,
         [1].append, len, object.__init__, (1).__add__, bytes.maketrans)
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(proto, [pickle.loads(pickle.dumps(o, proto)) == o for o in cases])
    print(proto, pickle.loads(pickle.dumps(str.maketrans, proto))('x', 'y'))

for d in (bytearray.__dict__['maketrans'], dict.__dict__['fromkeys'], int.real):
    try:
        pickle.dumps(d, 2)
    except TypeError as e:
        print('TypeError', e)
