# pbkdf2_hmac and scrypt: RFC 6070 / RFC 7914 vectors, dklen, and the
# parameter checks, against CPython.
import _hashlib, hashlib


def show(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok', r.hex())


for name in ('sha1', 'sha256', 'sha512', 'md5', 'sha3_256', 'blake2b'):
    for pw, salt, it in ((b'password', b'salt', 1), (b'password', b'salt', 2),
                         (b'password', b'salt', 4096),
                         (b'passwordPASSWORDpassword', b'saltSALTsaltSALTsaltSALTsaltSALTsalt', 17),
                         (b'pass\0word', b'sa\0lt', 3), (b'', b'', 1)):
        for dk in (None, 1, 20, 25, 100):
            print(name, it, dk, _hashlib.pbkdf2_hmac(name, pw, salt, it, dk).hex())
print(hashlib.pbkdf2_hmac('sha256', bytearray(b'pw'), memoryview(b'salt'), 10, dklen=40).hex())
show(_hashlib.pbkdf2_hmac, 'sha1', b'p', b's', 0)
show(_hashlib.pbkdf2_hmac, 'sha1', b'p', b's', -5)
show(_hashlib.pbkdf2_hmac, 'sha1', b'p', b's', 2 ** 40)
show(_hashlib.pbkdf2_hmac, 'sha1', b'p', b's', 1, 0)
show(_hashlib.pbkdf2_hmac, 'sha1', b'p', b's', 1, 2 ** 40)
show(_hashlib.pbkdf2_hmac, 'foo', b'p', b's', 1)
show(_hashlib.pbkdf2_hmac, 1, b'p', b's', 1)
show(_hashlib.pbkdf2_hmac, 'sha1', 'p', b's', 1)
show(_hashlib.pbkdf2_hmac, 'sha1', b'p', 's', 1)
show(_hashlib.pbkdf2_hmac, 'sha1', b'p', b's', 1.5)
show(_hashlib.pbkdf2_hmac, hash_name='sha1', password=b'p', salt=b's', iterations=2, dklen=5)

for pw, salt, n, r, p, dk in ((b'', b'', 16, 1, 1, 64),
                              (b'password', b'NaCl', 1024, 8, 16, 64),
                              (b'pleaseletmein', b'SodiumChloride', 16384, 8, 1, 64),
                              (b'p', b's', 2, 1, 1, 1), (b'p', b's', 4, 2, 3, 100)):
    print(n, r, p, dk, _hashlib.scrypt(pw, salt=salt, n=n, r=r, p=p, dklen=dk).hex())
for kw in [dict(n=2, r=1, p=1), dict(n=3, r=1, p=1), dict(n=1, r=1, p=1), dict(n=2, r=0, p=1),
           dict(n=2, r=1, p=0), dict(n=2, r=1, p=1, dklen=0), dict(n=2), dict(r=1, p=1),
           dict(n=2, r=1, p=1, maxmem=-1), dict(n=2, r=1, p=1, maxmem=2 ** 40),
           dict(n=2, r=1, p=1, dklen=2 ** 31), dict(n=-2, r=1, p=1), dict(n=2.0, r=1, p=1),
           dict(n=2, r=1, p=1, dklen=None), dict(n=2 ** 20, r=8, p=1)]:
    show(_hashlib.scrypt, b'p', salt=b's', **kw)
show(_hashlib.scrypt, b'p', b's', 2, 1, 1)
show(_hashlib.scrypt, b'p', n=2, r=1, p=1)
show(_hashlib.scrypt, 'p', salt=b's', n=2, r=1, p=1)
