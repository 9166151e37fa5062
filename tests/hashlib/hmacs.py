# HMAC through _hashlib directly and through the hmac module (which uses
# _hashlib.hmac_new / hmac_digest), against CPython.
import _hashlib, hashlib, hmac


def show(f, *a, **k):
    try:
        r = f(*a, **k)
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print('ok', r.hex() if isinstance(r, bytes) else getattr(r, 'name', r))


MSG = bytes(range(256)) * 20
for name in ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_256', 'sha512_256',
             'blake2b', 'sm3'):
    for key in (b'', b'k', b'\x0b' * 20, b'K' * 64, b'L' * 200):
        m = _hashlib.hmac_new(key, MSG[:100], digestmod=name)
        whole = m.hexdigest()
        p = _hashlib.hmac_new(key, digestmod=name)
        for i in range(0, 100, 7):
            p.update(MSG[i:i + 7])
        print(name, len(key), m.name, m.digest_size, m.block_size, whole, p.hexdigest() == whole,
              _hashlib.hmac_digest(key, MSG[:100], name).hex() == whole,
              hmac.new(key, MSG[:100], name).hexdigest() == whole)
    big = _hashlib.hmac_new(b'key', MSG, name)      # > 2048 bytes at once
    print('  big', big.hexdigest(), hmac.digest(b'key', MSG, name).hex() == big.hexdigest())
    c = big.copy()
    c.update(b'more')
    print('  copy', c.hexdigest() == _hashlib.hmac_new(b'key', MSG + b'more', name).hexdigest(),
          big.hexdigest() == hmac.new(b'key', MSG, name).hexdigest(), type(c).__name__)

# digestmod given as a constructor
for f in (_hashlib.openssl_sha256, hashlib.sha1, hashlib.md5):
    print(_hashlib.hmac_new(b'k', b'm', f).name, hmac.new(b'k', b'm', f).hexdigest(),
          hmac.digest(b'k', b'm', f).hex())
print(hmac.compare_digest(b'a', b'a'), hmac.compare_digest is _hashlib.compare_digest)
h = hmac.new(b'k', digestmod='sha256')
h.update(b'abc')
print(h.name, h.digest_size, h.block_size, h.copy().hexdigest(), h.hexdigest())

show(_hashlib.hmac_new, b'k')
show(_hashlib.hmac_new, 'k', digestmod='md5')
show(_hashlib.hmac_new, b'k', digestmod=len)
show(_hashlib.hmac_new, b'k', digestmod='nope')
show(_hashlib.hmac_new, b'k', digestmod=[])
show(_hashlib.hmac_new, b'k', 'msg', 'md5')
show(_hashlib.hmac_new(b'k', digestmod='md5').update, 'x')
show(_hashlib.hmac_new(b'k', digestmod='md5').update, msg=b'x')
show(_hashlib.hmac_digest, b'k', b'm', 'nope')
show(_hashlib.hmac_digest, 'k', b'm', 'md5')
show(_hashlib.hmac_digest, b'k', 'm', 'md5')
show(_hashlib.hmac_digest, key=b'k', msg=b'm', digest='md5')
show(hmac.new, b'k')
