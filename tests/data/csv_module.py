"""csv through _csv: reading and writing with every dialect option, the
registry, field_size_limit and the error messages."""
import csv
import io
import _csv

print(sorted(n for n in dir(_csv) if not n.startswith("__")))
print(_csv.__version__, _csv.Error.__module__, [c.__name__ for c in _csv.Error.__mro__])
print(_csv.QUOTE_MINIMAL, _csv.QUOTE_ALL, _csv.QUOTE_NONNUMERIC, _csv.QUOTE_NONE)
print(type(_csv.reader([])).__name__, type(_csv.writer(io.StringIO())).__name__)


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


def read(text, **kw):
    t(lambda: list(csv.reader(io.StringIO(text, newline=""), **kw)))


def write(rows, **kw):
    s = io.StringIO()
    w = csv.writer(s, **kw)
    try:
        for r in rows:
            w.writerow(r)
        print(repr(s.getvalue()))
    except Exception as e:
        print(type(e).__name__, e, repr(s.getvalue()))


# reading
read('a,b,c\r\n1,2,3\n"x,y","q""uote",\r\n\r\n,,\n')
read('"multi\nline",b\r\nc,"d\r\ne"\n')
read('a;b;"c;d"\n', delimiter=";")
read("a,'b,c','it''s'\n", quotechar="'")
read('a,"b""c",d\n', doublequote=False)
read('a,"b\\"c",d\n', doublequote=False, escapechar="\\")
read('a\\,b,c\\\nd,e\n', escapechar="\\")
read('a, b,  "c, d"\n', skipinitialspace=True)
read('a, b,  "c, d"\n')
read('a,"b"c,d\n')
read('a,"b"c,d\n', strict=True)
read('"open\n', strict=True)
read('"open\n')
read('a,b\\', escapechar="\\")
read('a,b\\', escapechar="\\", strict=True)
read('1,2.5,"x",,-3e2\n', quoting=csv.QUOTE_NONNUMERIC)
read('1,abc\n', quoting=csv.QUOTE_NONNUMERIC)
read('a,"b,c"\n', quoting=csv.QUOTE_NONE)
read('a,"b,c"\n', quotechar=None)
read('a|b\n', delimiter="|", lineterminator="!")
read('a,b\rc,d\r\n')
t(lambda: list(csv.reader(['a,b\rc'])))
t(lambda: list(csv.reader(['a\0b,c'])))
t(lambda: list(csv.reader([b"a"])))
t(lambda: list(csv.reader(["", "x", ""])))
t(lambda: list(csv.reader(["caf\u00e9,\u2603,\U0001f600"])))
r = csv.reader(["a,b", '"c', 'd"', "e"])
t(lambda: (r.line_num, next(r), r.line_num, next(r), r.line_num, next(r), r.line_num))
t(lambda: (r.dialect.delimiter, r.dialect.quoting))

# field_size_limit
old = csv.field_size_limit()
t(lambda: csv.field_size_limit(10))
read("0123456789,x\n")
read("0123456789x\n")
read('"0123456789x"\n')
t(lambda: csv.field_size_limit(old))
t(lambda: csv.field_size_limit("x"))
t(lambda: csv.field_size_limit(new_limit=old))

# writing
write([["a", "b,c", 'q"uote', "line\nbreak", "cr\rx", "", None, 1, 2.5, True]])
write([[]])
write([[""]])
write([[None]])
write([["", ""]])
write([["a", "b"]], quoting=csv.QUOTE_ALL)
write([[1, 1.5, "x", None, True, 1j, ""]], quoting=csv.QUOTE_NONNUMERIC)
write([["a,b", 'c"d', "e\\f"]], quoting=csv.QUOTE_NONE, escapechar="\\")
write([["a,b"]], quoting=csv.QUOTE_NONE)
write([[""]], quoting=csv.QUOTE_NONE)
write([['c"d', "e\\f", "g,h"]], doublequote=False, escapechar="\\")
write([['c"d']], doublequote=False)
write([["a;b", "c,d"]], delimiter=";")
write([["it's", 'x"y']], quotechar="'")
write([["a", "b"], ["c"]], lineterminator="\n")
write([["aXb", "c\nd"]], lineterminator="X")
write([["  lead", "trail  "]], skipinitialspace=True)
write([[1, 2], (3, 4), "ab", range(2)])
write([1])
s = io.StringIO()
w = csv.writer(s)
t(lambda: w.writerow(["x", "y"]))
t(lambda: w.writerows([["a"], ["b", "c"]]))
t(lambda: w.writerows(1))
t(lambda: w.writerows([1]))
print(repr(s.getvalue()), w.dialect.lineterminator == "\r\n")

# round trip with every quoting mode
rows = [["plain", "with,comma", 'with "quote"', "new\nline", "", "caf\u00e9"], ["1", "2"]]
for q in (csv.QUOTE_MINIMAL, csv.QUOTE_ALL):
    s = io.StringIO()
    csv.writer(s, quoting=q).writerows(rows)
    print(q, list(csv.reader(io.StringIO(s.getvalue(), newline=""))) == rows)

# Dialect
d = _csv.Dialect()
t(lambda: (d.delimiter, d.doublequote, d.escapechar, d.lineterminator, d.quotechar, d.quoting,
           d.skipinitialspace, d.strict))
t(lambda: setattr(d, "delimiter", ";"))
t(lambda: _csv.Dialect(d) is d)
e = _csv.Dialect(csv.excel_tab)
t(lambda: (e.delimiter, e.quoting, e.lineterminator))
u = _csv.Dialect(csv.unix_dialect, delimiter=":")
t(lambda: (u.delimiter, u.quoting, u.lineterminator))
for kw in [dict(delimiter=1), dict(delimiter="ab"), dict(delimiter=""), dict(delimiter=None),
           dict(quotechar=1), dict(quotechar="ab"), dict(escapechar=1), dict(escapechar="ab"),
           dict(quotechar=None), dict(quotechar=None, quoting=0), dict(quoting=7),
           dict(quoting="1"), dict(quoting=1.0), dict(quoting=True), dict(quoting=-1),
           dict(lineterminator=None), dict(lineterminator=1), dict(bogus=1),
           dict(doublequote=0, skipinitialspace=1, strict=[1])]:
    def mk(kw=kw):
        x = _csv.Dialect(**kw)
        return (x.delimiter, x.quotechar, x.escapechar, x.quoting, x.doublequote,
                x.skipinitialspace, x.strict)
    print(kw, end=" ")
    t(mk)
t(lambda: _csv.Dialect("nope"))
t(lambda: _csv.Dialect(1, 2))
class Bad(csv.Dialect):
    delimiter = "::"
t(lambda: Bad())
class Good(csv.Dialect):
    delimiter = ":"
    quotechar = "'"
    quoting = csv.QUOTE_MINIMAL
    lineterminator = "\n"
    doublequote = True
    skipinitialspace = False
t(lambda: Good().delimiter)
write([["a:b", "c"]], dialect=Good)

# registry
csv.register_dialect("colon", delimiter=":", quoting=csv.QUOTE_ALL)
csv.register_dialect("colon2", "colon", lineterminator="\n")
csv.register_dialect("good", Good)
print(sorted(csv.list_dialects()))
print(csv.get_dialect("colon").delimiter, csv.get_dialect("colon2").lineterminator == "\n",
      csv.get_dialect("good").quotechar)
write([["a", "b"]], dialect="colon2")
read("'a:b':c\n", dialect="good")
csv.unregister_dialect("colon")
t(lambda: csv.unregister_dialect("colon"))
t(lambda: csv.get_dialect("colon"))
t(lambda: csv.register_dialect(1))
t(lambda: csv.register_dialect("bad", delimiter="xx"))
t(lambda: csv.reader([], "colon"))
print(sorted(csv.list_dialects()))

# argument errors
t(lambda: _csv.writer(1))
t(lambda: _csv.reader(1))
t(lambda: _csv.reader())
t(lambda: _csv.writer())
print(_csv.Reader.__name__, _csv.Writer.__name__)
t(lambda: _csv.writer(io.StringIO()).writerow(1))

# DictReader / DictWriter / Sniffer from csv.py on top
s = io.StringIO()
dw = csv.DictWriter(s, ["name", "n"])
dw.writeheader()
dw.writerows([{"name": "x,y", "n": 1}, {"name": "z", "n": 2}])
print(repr(s.getvalue()))
print(list(csv.DictReader(io.StringIO(s.getvalue()))))
sn = csv.Sniffer().sniff("a;b;c\n1;2;3\n4;5;6\n")
print(sn.delimiter, csv.Sniffer().has_header("name,age\nx,1\ny,2\n"))
