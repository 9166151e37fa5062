"""pickle.dumps output is byte-identical to CPython's C pickler for a broad
corpus, protocols 0-5, and every pickle loads back to an equal object."""
import pickle
import pickletools

from _corpus import corpus


def digest(data):
    # Long pickles: print a checksum plus the head and tail, not megabytes of hex.
    if len(data) <= 400:
        return data.hex()
    import zlib
    return "%d:%08x:%s..%s" % (len(data), zlib.crc32(data), data[:80].hex(), data[-80:].hex())


def same(a, b):
    if a is b:
        return True
    try:
        return a == b
    except RecursionError:
        return repr(a) == repr(b)


for label, obj in corpus():
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        try:
            data = pickle.dumps(obj, proto)
        except Exception as e:
            print(label, proto, type(e).__name__, e)
            continue
        print(label, proto, digest(data))
        back = pickle.loads(data)
        if label.startswith("recursive"):
            ok = repr(back) == repr(obj)
        elif label == "functions" or label == "types":
            ok = back == obj
        else:
            ok = same(back, obj) or repr(back) == repr(obj)
        print("  roundtrip", ok)

# The stream is valid according to pickletools too (it parses every opcode).
for label, obj in corpus()[:12]:
    data = pickle.dumps(obj, 5)
    ops = [op.name for op, arg, pos in pickletools.genops(data)]
    print(label, len(ops), ops[:6])
