# _hashlib digests against CPython: every algorithm, several lengths and
# chunkings (including the > 2048-byte path that releases the GIL), copy
# semantics and the shake variable-length outputs.
import _hashlib

ALGS = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha512_224',
        'sha512_256', 'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512',
        'blake2b', 'blake2s', 'sm3', 'md5-sha1', 'ripemd160',
        'SHA256', 'sha3-256', 'sha512-224']
XOFS = ['shake_128', 'shake_256']
DATA = bytes((i * 131 + 7) % 256 for i in range(10000))
LENGTHS = [0, 1, 55, 56, 63, 64, 65, 127, 128, 129, 135, 136, 137, 2047, 2048, 2049, 10000]

for name in ALGS:
    h0 = _hashlib.new(name)
    print(name, h0.name, h0.digest_size, h0.block_size, type(h0).__name__)
    for n in LENGTHS:
        whole = _hashlib.new(name, DATA[:n]).hexdigest()
        pieces = _hashlib.new(name)
        i = 0
        step = 1 + n % 97
        while i < n:
            pieces.update(DATA[i:i + step])
            i += step
        print(' ', n, whole, pieces.hexdigest() == whole)
    # digest() never disturbs the stream; copy() forks it.
    h = _hashlib.new(name, b'abc')
    d1 = h.digest()
    c = h.copy()
    c.update(b'def')
    print('  copy', h.digest() == d1, c.hexdigest() == _hashlib.new(name, b'abcdef').hexdigest(),
          type(c) is type(h), c.name == h.name)

for name in XOFS:
    h = _hashlib.new(name, DATA[:300])
    print(name, h.name, h.digest_size, h.block_size, type(h).__name__, type(h).__mro__[1].__name__)
    for n in (0, 1, 16, 32, 64, 167, 168, 169, 500):
        print(' ', n, h.hexdigest(n), h.digest(length=n).hex() == h.hexdigest(n))
    c = h.copy()
    c.update(b'x')
    print('  copy', c.hexdigest(8), h.hexdigest(8))

ctors = [(k.__name__, v) for k, v in _hashlib._constructors.items()]
print(sorted(ctors))
for fname, name in sorted(ctors):
    f = getattr(_hashlib, fname)
    h = f(b'The quick brown fox')
    print(fname, h.name, h.hexdigest(20) if name.startswith('shake') else h.hexdigest())
    print(' ', f(string=b'x', usedforsecurity=False).hexdigest(*([9] if name.startswith('shake') else [])) == f(b'x').hexdigest(*([9] if name.startswith('shake') else [])))
print(sorted(_hashlib.openssl_md_meth_names), type(_hashlib.openssl_md_meth_names).__name__)
print(_hashlib.get_fips_mode())

# memoryview / bytearray / array data
import array
for obj in (bytearray(b'hello'), memoryview(b'hello'), array.array('I', [1, 2, 3])):
    print(type(obj).__name__, _hashlib.openssl_sha256(obj).hexdigest())

# The BLAKE2 size constants are plain class attributes.
import _blake2
for cls in (_blake2.blake2b, _blake2.blake2s):
    print(cls.__name__, cls.SALT_SIZE, cls.PERSON_SIZE, cls.MAX_KEY_SIZE,
          cls.MAX_DIGEST_SIZE, cls().MAX_DIGEST_SIZE, type(cls.__dict__["SALT_SIZE"]).__name__)
