# bytes/bytearray constructor type errors (errors= alone is no encoding) and hex() with a NUL separator.
class C:
    def __repr__(self):
        return "C()"
for t in (bytes, bytearray):
    for args, kw in ((0.0,), {}), ((["0"],), {}), (([0.0],), {}), (([None],), {}), (([C()],), {}), ((), {'encoding': 'ascii'}), ((), {'errors': 'ignore'}), ((0, 'ascii'), {}), ((b'', 'ascii'), {}), ((0,), {'errors': 'ignore'}), ((b'',), {'errors': 'ignore'}), (('',), {'errors':'ignore'}), (('', 'ascii', 'x', 1), {}):
        try:
            t(*args, **kw)
            print(t.__name__, args, kw, 'no error')
        except TypeError as e:
            print(t.__name__, args, kw, 'TypeError', e)
print(repr(bytes.hex(b'\x01\x02', '\x00')))
