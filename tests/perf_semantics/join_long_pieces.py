# Long str.join (256+ pieces) copies 1-byte pieces in one pass through a
# reused scratch buffer with short fixed-size moves: every piece length,
# separator length, latin-1 / wider pieces, a bad piece late in the list,
# results over the kept buffer's size and joins from threads must give
# CPython's results and errors.
import threading
import zlib

words = ["x" * k for k in range(0, 41)]
pieces = [words[(i * 7) % 41] + chr(97 + i % 26) * (i % 3) for i in range(3000)]
for sep in ("", ",", ", ", "abc", "1234567", "12345678", "123456789abcdefgh", "-" * 40, "\xe9"):
    r = sep.join(pieces)
    print(repr(sep), len(r), zlib.crc32(r.encode("utf-8")), r[:30], r[-30:], r.isascii())
    # the same text built piece by piece
    assert r == sep.join(pieces[:1000]) + (sep if pieces[1000:] else "") + sep.join(pieces[1000:])

latin = ["caf\xe9", "na\xefve", "x"] * 200
r = "".join(latin)
print(len(r), r.isascii(), r[:12], ascii(r[-8:]))
wide = ["a"] * 500 + ["\u2603"] + ["b"] * 500
r = "/".join(wide)
print(len(r), ascii(r[995:1010]))
astral = ["a"] * 300 + ["\U0001f600"]
print(len("".join(astral)), ascii("".join(astral)[-3:]))
for bad in (5, None, b"x", ["x"]):
    try:
        "-".join(["ab"] * 400 + [bad] + ["c"] * 10)
    except TypeError as e:
        print("TypeError", e)


class S(str):
    pass


r = ".".join([S("ab"), "c"] * 300)
print(type(r).__name__, len(r), r[:10])
big = ["y" * 1000] * 6000            # 6 MB: above the kept buffer size
r = "".join(big)
print(len(r), r == "y" * 6000000)
r = "".join(["z" * 5] * 300)
print(len(r), r[:7])
print(len("".join([""] * 1000)), repr("".join([""] * 1000)), repr(",".join([""] * 300))[:12])

out = [None] * 4


def work(k):
    acc = 0
    for j in range(50):
        acc += len(str(k).join(["p" * (j % 9)] * (300 + j)))
    out[k] = acc


ts = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(out)
