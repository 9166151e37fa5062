# TextIOWrapper with codecs of the registry (koi8-r, cp1251, ...): read,
# readline with every newline mode, tell/seek, write, errors; and
# str.encode / bytes.decode reach the registry without importing codecs.
import io, os, tempfile
text = 'Привет, мир!\nвторая строка\r\nтретья\rконец\n' * 3
for enc in ('koi8-r', 'cp1251', 'cp1252', 'iso8859-5', 'mac-cyrillic', 'KOI8_R'):
    try:
        data = text.encode(enc)
    except UnicodeEncodeError:
        data = 'abc\ndef\r\nxyz'.encode(enc)
    for newline in (None, '', '\n', '\r\n'):
        t = io.TextIOWrapper(io.BytesIO(data), encoding=enc, newline=newline)
        lines = t.readlines()
        print(enc, repr(newline), t.encoding, len(lines), lines[:3])
        t = io.TextIOWrapper(io.BytesIO(data), encoding=enc, newline=newline)
        first = t.readline()
        pos = t.tell()
        rest = t.read(5)
        t.seek(pos)
        print(' tell', pos, t.read(5) == rest)
    b = io.BytesIO()
    w = io.TextIOWrapper(b, encoding=enc)
    w.write('Мир\n' if data != b'abc\ndef\r\nxyz' else 'ok\n')
    w.flush()
    print(' write', b.getvalue())
t = io.TextIOWrapper(io.BytesIO(b'\xff\xfe abc'), encoding='cp1252', errors='strict')
print(repr(t.read()))
t = io.TextIOWrapper(io.BytesIO(b'ab\x81cd'), encoding='cp1252', errors='replace')
print(repr(t.read()))
try:
    io.TextIOWrapper(io.BytesIO(b'ab\x81cd'), encoding='cp1252').read()
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
for bad in ('no-such-codec', 'rot13', 'hex'):
    try:
        io.TextIOWrapper(io.BytesIO(b''), encoding=bad)
    except LookupError as e:
        print('LookupError', e)
with tempfile.TemporaryDirectory() as d:
    p = os.path.join(d, 'f.txt')
    with open(p, 'w', encoding='koi8-r') as f:
        f.write('строка 1\nстрока 2\n')
    with open(p, 'rb') as f:
        print(f.read())
    with open(p, encoding='koi8-r') as f:
        print(f.readlines())
print('x'.encode('koi8-r'), b'\xd0'.decode('cp1251'))
