# float() reads the text of any bytes-like object (memoryview, array), as
# CPython's PyFloat_FromString does.
import array
print(float(memoryview(b'1.5')), float(array.array('b', b'2.5')))
print(float(memoryview(b'12.5')[1:]), float(memoryview(b' 7e3 ')))
for bad in (memoryview(b'x'), array.array('i', [1]), memoryview(b'1.5\x00')):
    try:
        float(bad)
    except ValueError as e:
        print('ValueError', str(e).split(':')[0])
