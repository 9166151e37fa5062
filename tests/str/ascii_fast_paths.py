# ASCII fast paths of case conversion, whitespace split/strip, slicing and
# encoding, checked against the general (Unicode) behaviour.
samples = ['', 'a', 'A', 'hello world', 'HELLO wORLD', "they're bill's friends from the UK",
           'row 0001 value=1.50 name=\'x\'', '  lead and trail  ', 'x1y2z3', '123abc',
           'a-b_c.d', 'ABC def GHI', '\x00\x7f@[`{', 'mIxEd CaSe 42', 'ss', 'straße', 'ﬁne',
           'ǅemal', 'ΣΑΣ σας', 'İstanbul', 'é', 'Éa', 'a\u0345b', '\U0001d400bc']
for s in samples:
    print(ascii(s), ascii(s.upper()), ascii(s.lower()), ascii(s.title()), ascii(s.capitalize()),
          ascii(s.swapcase()), ascii(s.casefold()), s.isupper(), s.islower(), s.istitle(),
          s.upper().isascii() == s.isascii() or 'widened')

ws = ' \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u2000\u3000'
for c in ws + 'a!\x00\x1b\x7f':
    t = 'x' + c + 'y' + c + c + 'z'
    print(repr(c), t.split(), t.split(None, 1), t.rsplit(None, 1), repr((c + 'q' + c).strip()),
          repr((c + 'q' + c).lstrip()), repr((c + 'q' + c).rstrip()), c.isspace())
text = ' '.join('word%d' % i for i in range(50)) + '\n\tend '
parts = text.split()
print(len(parts), parts[:3], parts[-2:], text.split(maxsplit=3)[-1][:20], text.rsplit(maxsplit=2))

s = 'abcdefghij' * 5
print(s[3:9], s[10:40:3], s[-5:], s[1:2], s[5:5] == '', type(s[0:3]).__name__, s[2:30].isascii())
u = 'abc\xe9def'
print(ascii(u[0:3]), u[0:3].isascii(), ascii(u[2:5]), u[2:5].isascii(), ascii(u[4:]), u[4:].isascii())
w = 'ab\u20accd'
print(ascii(w[:2]), w[:2].isascii(), ascii(w[3:]), w[3:].isascii(), len(w[1:4]))
for enc in ('utf-8', 'ascii', 'latin-1'):
    for t in ('plain', 'caf\xe9', '\u20ac', 'a\udc80b'):
        for errors in ('strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace'):
            try:
                print(enc, ascii(t), errors, t.encode(enc, errors))
            except UnicodeEncodeError as e:
                print(enc, ascii(t), errors, 'UnicodeEncodeError', e.start, e.end, e.reason)

# replace: ASCII fast path and the general one
for s in ['hello world foo bar', 'aaaa', 'abcabcabc', '', 'xyz', 'caf\xe9 ole', 'a\u20acb']:
    for old, new in [('o', '0'), ('o', ''), ('o', 'OO'), ('abc', 'X'), ('a', 'aa'), ('', '-'),
                     ('zz', 'q'), ('\xe9', 'e'), ('hello world foo bar', ''), ('aa', 'b'), ('b', '\u20ac')]:
        print(ascii(s), ascii(old), ascii(new), ascii(s.replace(old, new)), ascii(s.replace(old, new, 1)),
              ascii(s.replace(old, new, 0)), ascii(s.replace(old, new, -1)), ascii(s.replace(old, new, 2)),
              s.replace(old, new).isascii())
print('x'.replace('x', '') == '', 'ab' * 1000 == ('ab' * 1000).replace('c', 'd'))
