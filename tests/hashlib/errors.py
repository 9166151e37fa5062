# _hashlib error types and messages against CPython.
import _hashlib


def show(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok', r if not hasattr(r, 'hexdigest') else r.name)


print(_hashlib.UnsupportedDigestmodError.__mro__)
for name in ['md4', 'whirlpool', 'SHA3_256', 'nope', '']:
    show(_hashlib.new, name)
show(_hashlib.new, 1)
show(_hashlib.new, 'md5', 'text')
show(_hashlib.new, 'md5', 1)
show(_hashlib.new, 'md5', string=b'x', data=b'y')
show(_hashlib.new)
show(_hashlib.openssl_sha256, b'x', string=b'y')
show(_hashlib.openssl_sha256, 'x')
show(_hashlib.openssl_md5().update, 'x')
show(_hashlib.openssl_md5().update, None)
show(_hashlib.openssl_md5().update)
show(_hashlib.openssl_shake_128().digest)
show(_hashlib.openssl_shake_128().hexdigest, 'x')
show(_hashlib.HASH)
show(_hashlib.HMAC)
show(_hashlib.compare_digest, b'a', 'a')
show(_hashlib.compare_digest, 'é', 'é')
show(_hashlib.compare_digest, 'ab', 'ab')
show(_hashlib.compare_digest, b'ab', bytearray(b'ab'))
show(_hashlib.compare_digest, b'ab', b'abc')
show(_hashlib.compare_digest, 1, 2)
