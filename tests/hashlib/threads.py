# Large updates release the GIL: several threads feeding one shared hash
# object identical chunks (so the order cannot matter) must give the same
# digest as feeding them in one thread; per-thread objects stay separate.
import _hashlib
import threading

CHUNK = bytes(range(256)) * 40          # 10240 bytes, above the 2048 limit
SMALL = b'small'
N, K = 4, 25

for name in ('sha256', 'sha3_512', 'md5', 'blake2b'):
    shared = _hashlib.new(name)
    tiny = _hashlib.new(name)
    mac = _hashlib.hmac_new(b'key', digestmod=name)
    own = {}

    def work(i):
        mine = _hashlib.new(name)
        for _ in range(K):
            shared.update(CHUNK)
            tiny.update(SMALL)
            mac.update(CHUNK)
            mine.update(CHUNK + bytes([i]))
        own[i] = mine.hexdigest()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(N)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ref = _hashlib.new(name)
    refmac = _hashlib.hmac_new(b'key', digestmod=name)
    for _ in range(N * K):
        ref.update(CHUNK)
        refmac.update(CHUNK)
    print(name, shared.hexdigest() == ref.hexdigest(),
          tiny.hexdigest() == _hashlib.new(name, SMALL * N * K).hexdigest(), mac.hexdigest() == refmac.hexdigest())
    for i in range(N):
        one = _hashlib.new(name)
        for _ in range(K):
            one.update(CHUNK + bytes([i]))
        print(' ', i, own[i] == one.hexdigest())
print(_hashlib.pbkdf2_hmac('sha256', b'pw', b'salt', 20000).hex())
