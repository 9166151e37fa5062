"""Incremental decoding split at every byte boundary of each codec's
sample (and fed one byte at a time), incremental encoding one character
at a time, getstate/setstate and reset."""
import codecs
from _common import ALL, SAMPLES, digest

for enc in ALL:
    text = SAMPLES[enc]
    data = text.encode(enc)
    ok = True
    for cut in range(len(data) + 1):
        dec = codecs.getincrementaldecoder(enc)()
        got = dec.decode(data[:cut]) + dec.decode(data[cut:], True)
        ok = ok and got == text
    dec = codecs.getincrementaldecoder(enc)()
    pieces = [dec.decode(data[i:i + 1]) for i in range(len(data))]
    states = set()
    dec2 = codecs.getincrementaldecoder(enc)()
    for i in range(len(data)):
        dec2.decode(data[i:i + 1])
        states.add(dec2.getstate())
    enc_ = codecs.getincrementalencoder(enc)()
    out = b"".join(enc_.encode(ch) for ch in text) + enc_.encode("", True)
    print(enc, ok, "".join(pieces) == text, sum(1 for p in pieces if p == ""), len(states),
          out == data, digest(data))
    # truncated at the end: final=True reports the incomplete sequence
    for cut in range(1, 4):
        dec = codecs.getincrementaldecoder(enc)()
        try:
            r = ascii(dec.decode(data[:-cut], True))
        except UnicodeDecodeError as e:
            r = "%s %d %d %s" % (e.reason, e.start, e.end, e.object == data[:-cut])
        print(" ", cut, r, dec.getstate())

# pending kept on errors, state methods
d = codecs.getincrementaldecoder("cp949")()
print(ascii(d.decode(b"\xc6\xc4\xc0")), d.getstate())
try:
    d.decode(b"\xcc\xbd", True)
except UnicodeDecodeError as e:
    print(e.reason, e.start, e.end, e.object)
print(ascii(d.decode(b"\xcc")), d.getstate())
d.setstate((b"\xb0", 5))
print(d.getstate(), ascii(d.decode(b"\xa1")), d.getstate())
for bad in (123, ("x", 0), (b"1", "x"), (b"123456789", 0), (b"", -1), (b"", 1 << 64)):
    try:
        d.setstate(bad)
    except Exception as e:
        print(type(e).__name__, e)
d.reset()
print(d.getstate())

e = codecs.getincrementalencoder("euc_jis_2004")()
print(e.getstate(), e.encode("\u00e6"), e.getstate())
try:
    e.encode("\u0123")
except UnicodeEncodeError as x:
    print(x.start, x.end, ascii(x.object))
print(e.encode("\u0300\u00e6"), e.getstate(), e.encode("", True), e.getstate())
st = e.getstate()
e.encode("\u304b")
print(e.getstate())
e.setstate(st)
print(e.encode("\u309a", True))
for bad in ("x", -1, 1 << 200, int.from_bytes(b"\x09" + bytes(16), "little"),
            int.from_bytes(b"\x01\xff" + bytes(8), "little")):
    try:
        e.setstate(bad)
    except Exception as x:
        print(type(x).__name__)

h = codecs.getincrementalencoder("hz")()
print(h.encode("\u554a"), h.getstate(), h.encode("a"), h.encode("\u554a"), h.getstate())
h.reset()
print(h.getstate(), h.encode("b", True))
hd = codecs.getincrementaldecoder("hz")()
print(ascii(hd.decode(b"~")), hd.getstate(), ascii(hd.decode(b"{")), hd.getstate(),
      ascii(hd.decode(b"0!0")), hd.getstate())
hd.reset()
print(hd.getstate())

# errors attribute
e = codecs.getincrementalencoder("gbk")("ignore")
print(e.errors, e.encode("a\xffb"))
e.errors = "replace"
print(e.encode("a\xffb"))
for v in (None, 3):
    try:
        e.errors = v
    except TypeError as x:
        print("TypeError", x)
try:
    del e.errors
except AttributeError as x:
    print("AttributeError", x)
enc = codecs.getincrementalencoder("shift-jis")("backslashreplace")
print(enc.encode("\xff"), enc.encode("\n"))
import _multibytecodec
for cls in (_multibytecodec.MultibyteIncrementalEncoder, _multibytecodec.MultibyteStreamReader):
    try:
        cls(None)
    except (AttributeError, TypeError) as x:
        print(type(x).__name__)
class Bogus(_multibytecodec.MultibyteIncrementalDecoder):
    codec = 3
try:
    Bogus()
except TypeError as x:
    print("TypeError", x)
