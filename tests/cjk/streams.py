"""StreamReader / StreamWriter through codecs.open and getreader /
getwriter: every codec's sample written in pieces and read back with
read(n), readline and readlines."""
import codecs
import io
import os
import tempfile
from _common import ALL, SAMPLES

tmp = tempfile.mkdtemp()
for enc in ALL:
    text = SAMPLES[enc] + "\nsecond line\n" + SAMPLES[enc]
    path = os.path.join(tmp, enc + ".txt")
    with codecs.open(path, "w", encoding=enc) as f:
        for i in range(0, len(text), 3):
            f.write(text[i:i + 3])
    with open(path, "rb") as f:
        raw = f.read()
    with codecs.open(path, "r", encoding=enc) as f:
        whole = f.read()
    with codecs.open(path, "r", encoding=enc) as f:
        lines = f.readlines()
    chunks = []
    with codecs.open(path, "r", encoding=enc) as f:
        while True:
            c = f.read(2)
            if not c:
                break
            chunks.append(c)
    r = codecs.getreader(enc)(io.BytesIO(raw))
    first = r.readline()
    print(enc, raw == text.encode(enc), whole == text, len(lines), "".join(lines) == text,
          "".join(chunks) == text, ascii(first))
    os.remove(path)
os.rmdir(tmp)

# a sequence cut at the end of the file
b = io.BytesIO(b"\xa1")
r = codecs.getreader("cp949")(b)
try:
    r.read(2)
except UnicodeDecodeError as e:
    print(e.reason, e.start, e.end)
r = codecs.getreader("cp949")(io.BytesIO(b"\xb0\xa1\xb0"), "replace")
print(ascii(r.read()), r.errors, type(r.stream).__name__)
r = codecs.getreader("euc_jp")(io.BytesIO(b"\xa4\xa2\xa4\xa4\n\xa4\xa6"))
print(ascii(r.read(1)), ascii(r.readline()), ascii(r.read(0)), ascii(r.read()))

# the writer keeps a pair-starting character until reset
s = io.BytesIO()
w = codecs.getwriter("euc_jis_2004")(s)
w.write("\u304b")
print(s.getvalue())
w.write("\u309a\u304b")
print(s.getvalue())
w.reset()
print(s.getvalue())
w.writelines(["a", "\u00e6", "\u0300"])
print(s.getvalue())
s = io.BytesIO()
w = codecs.getwriter("hz")(s)
w.write("\u554a")
w.reset()
print(s.getvalue())
s = io.BytesIO()
w = codecs.getwriter("gb18030")(s)
w.write("123")
w.write("\U00012345")
w.write("\uac00\u00ac")
print(s.getvalue())
