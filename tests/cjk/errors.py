"""Error handling of the CJK codecs: messages, positions, every built-in
handler, custom handlers (str and bytes replacements, positions moved
back and forward), and bad handler results."""
import codecs
from _common import ALL, describe

ENC_CASES = ["a\xff", "\udc80x", "\u20ac\u4e00\U0001f600z", "\u0100\u0101"]
DEC_CASES = [b"a\xff\xfeb", b"\x81", b"\xa4", b"abc\x80", b"\x8e\x20x", b"\x8f\xa1",
             b"~{\x21", b"~x", b"\xfe\xfe\xfe"]

for enc in ALL:
    for s in ENC_CASES:
        for errors in ("strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"):
            try:
                r = s.encode(enc, errors)
            except UnicodeEncodeError as e:
                r = describe(e)
            print(enc, ascii(s), errors, r)
    for b in DEC_CASES:
        for errors in ("strict", "ignore", "replace", "backslashreplace", "surrogateescape"):
            try:
                r = ascii(b.decode(enc, errors))
            except UnicodeDecodeError as e:
                r = describe(e)
            print(enc, b, errors, r)


def back_one(exc):
    return ("[%d:%d]" % (exc.start, exc.end), exc.end)


def skip_far(exc):
    # negative: from the end; never before the error (that would loop)
    if exc.start < len(exc.object) - 1:
        return ("", -1)
    return ("", exc.end)


def as_bytes(exc):
    return (b"<?>", exc.end)


def bad_result(exc):
    return 42


def bad_position(exc):
    return ("", 1000)


for name, fn in (("back_one", back_one), ("skip_far", skip_far), ("as_bytes", as_bytes),
                 ("bad_result", bad_result), ("bad_position", bad_position)):
    codecs.register_error("test.cjk." + name, fn)

for enc in ("shift_jis", "gb18030", "hz", "euc_kr", "big5hkscs", "euc_jis_2004"):
    for name in ("back_one", "skip_far", "as_bytes", "bad_result", "bad_position", "nonesuch"):
        try:
            # the codec's own functions: str.encode would wrap the exception
            # ("encoding with 'x' codec failed (...)")
            r = codecs.lookup(enc).encode("ab\xff\u4e00\u0100c", "test.cjk." + name)
        except Exception as e:
            r = "%s: %s" % (type(e).__name__, e)
        print(enc, "encode", name, r)
        if name == "as_bytes":
            continue
        try:
            r = ascii(codecs.lookup(enc).decode(b"ab\xff\xffcd\x80", "test.cjk." + name))
        except Exception as e:
            r = "%s: %s" % (type(e).__name__, e)
        print(enc, "decode", name, r)

codec = codecs.lookup("shift_jis")
print(codec.encode(123), codec.encode("abc", None))
for bad in ("abc", 3):
    try:
        codec.decode(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    codec.encode("x", 3)
except TypeError as e:
    print("TypeError", e)
import _codecs_jp
for bad in (b"shift_jis", "nope"):
    try:
        _codecs_jp.getcodec(bad)
    except (TypeError, LookupError) as e:
        print(type(e).__name__, e)
print(type(_codecs_jp.getcodec("cp932")).__name__)
print(codec.decode(memoryview(b"\x82\xa0")), codec.decode(bytearray(b"\x82\xa0")))
