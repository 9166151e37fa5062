"""Codecs beyond the built-in C ones go through the registry; user error handlers."""
import codecs
print('é€'.encode('cp1252'), b'\x80\xe9'.decode('cp1252'), 'Ж'.encode('koi8_r'))
print('abc'.encode('utf-16-le'), b'\xff'.decode('latin-1'))
def h(exc):
    return ('?', exc.end)
codecs.register_error('myq', h)
print('aé'.encode('ascii', 'myq'), b'a\xffb'.decode('utf-8', 'myq'))
try:
    'x'.encode('nope')
except LookupError as e:
    print('LookupError:', e)
try:
    'é'.encode('ascii', 'nohandler')
except LookupError as e:
    print('LookupError:', e)
print(codecs.lookup('UTF8').name, codecs.encode('abc', 'rot13'))
