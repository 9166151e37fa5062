"""The ISO 2022 codecs' escape handling: designations each variant accepts
or rejects, incomplete and unterminated escapes, escapes that are not ISO
2022 (passed through), SO/SI, single shift, and the state getstate()
shows."""
import codecs
from _common import CODECS


def dec(enc, data):
    try:
        return ascii(data.decode(enc))
    except UnicodeDecodeError as e:
        return "%d %d %s" % (e.start, e.end, e.reason)


ESCS = [b"\x1b(B", b"\x1b(J", b"\x1b(I", b"\x1b$@", b"\x1b$B", b"\x1b$(B", b"\x1b$A",
        b"\x1b$(A", b"\x1b$(C", b"\x1b$)C", b"\x1b$(D", b"\x1b$(O", b"\x1b$(P", b"\x1b$(Q",
        b"\x1b.A", b"\x1b.F", b"\x1b$)A", b"\x1b)C", b"\x1b(A"]
OTHER = [b"\x1b", b"\x1b(", b"\x1bz", b"\x1bzab\x80x", b"\x1bz\x1b$B0!", b"\x1b(z",
         b"\x1b(zzzzzzzzzzzzzzzzzzzz", b"\x1b\x80", b"\x1b\x1b$B0!", b"\x1bzA\x1b$B0!",
         b"\x1b$B\n0!", b"\x1b$B0\n", b"\x1b$B\x21\x80", b"\x1b$B \x20", b"\x1b$B\r\x00",
         b"\x1b$B\x80", b"\x1b$B\x7f\x7f", b"\x1bN", b"\x1bNa", b"\x1bN\x80", b"\x1b.A\x1bNi",
         b"\x1b.F\x1bNa", b"\x1b.A\n\x1bN ", b"\x0e0!\x0f", b"\x1b$)C\x0e0!\x0fa",
         b"\x1b$)C\x0e\n0!", b"\x1b$)C\x0e\x21\x80", b"\x1b$)C\x0e\x80", b"\x1b(J\\~\x7f",
         b"\x1b(I\x21\x5f\x60", b"\x1b(I\x20", b"\x1b$(Q\x24\x77", b"\x1b$(P\x21\x21"]

for enc in CODECS["_codecs_iso2022"]:
    print(enc, [dec(enc, e + b"0!") for e in ESCS])
    print(enc, [dec(enc, b) for b in OTHER])
    for data in (b"", b"\x1b$B", b"\x1b$)C", b"\x1b$)C\x0e", b"\x0e", b"\x1b.A", b"\x1bz",
                 b"\x1b$B0"):
        d = codecs.getincrementaldecoder(enc)()
        r = d.decode(data)
        print(" ", data, ascii(r), d.getstate())
    for text in ("", "a", "\u3042", "\u3042a", "\uac00", "\uac00a", "\uac00\n", "\xe9", "\u304b",
                 "\uff71", "\xa5"):
        e = codecs.getincrementalencoder(enc)()
        try:
            out = e.encode(text)
        except UnicodeEncodeError as x:
            out = "error %d %d" % (x.start, x.end)
        print(" ", ascii(text), out, e.getstate(), e.encode("", True))
    e = codecs.getincrementalencoder(enc)()
    e.encode("\u3042")
    e.reset()
    print("  reset", e.getstate(), e.encode("a"))
    s = "a\u3042\uac00\xe9b\u554a\n\u4e02?"
    for errors in ("replace", "ignore", "xmlcharrefreplace", "backslashreplace"):
        print(" ", errors, s.encode(enc, errors))
