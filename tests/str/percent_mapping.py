# printf-style % with a mapping: keys are slices of the template.
d = {'name': 'root', 'levelname': 'INFO', 'n': 42, 'x': 2.5, 'clé': 'v\xe9', '€': '\u20ac',
     'a(b)': 'nested', '': 'empty', 'k' * 200: 'long'}
print('%(name)s %(levelname)-8s|%(n)05d %(x).3f %(clé)s %(€)s %(a(b))s [%()s]' % d)
print(('%(' + 'k' * 200 + ')s') % d, '%(n)x %(n)o %(n)r %(x)e' % d)
print('€ %(name)s %(n)+d' % d, '%(name)s' * 3 % d, len(('x' * 300 + '%(name)s') % d))
class M(dict):
    def __missing__(self, k):
        return '<' + k + '>'
print('%(a)s %(bé)s' % M(), '%(name)s' % M(name='z'))
for fmt, arg in [('%(nokey)s', d), ('%(name', d), ('%(name)s', ('t',)), ('%(name)d', d),
                 ('%(n)s %s', d)]:
    try:
        print(fmt % arg)
    except (KeyError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(b'%(k)s %(n)d' % {b'k': b'v', b'n': 3})
try:
    b'%(k)s' % {'k': b'v'}
except KeyError as e:
    print('KeyError', e)
