# repr/ascii of str: quote choice and escapes (the plain-ASCII fast path
# must agree with the general one).
cases = ['', 'a', "it's", 'say "hi"', 'both \' and "', 'back\\slash', 'tab\tnl\ncr\r',
         '\x00\x01\x1f\x7f', 'caf\xe9', '\u20ac', '\U0001f600', '\x85\xa0\u2028', 'x' * 300,
         "'", '"', '\'"\'', 'a\\\'b', '~!@#$%^&*()_+{}|:<>?[];,./`', ' ', 'é\'"']
for c in cases:
    print(repr(c), ascii(c), f'{c!r}', '%r' % (c,), '{!a}'.format(c), len(repr(c)))
print(repr(['a', "b'", 'c"']), repr({'k': 'v'}), repr(('\n',)))
