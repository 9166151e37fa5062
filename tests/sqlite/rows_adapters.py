# sqlite3: Row, row_factory, text_factory, adapters / converters with
# PARSE_DECLTYPES and PARSE_COLNAMES, the default date adapters, iterdump.
import datetime
import sqlite3

con = sqlite3.connect(":memory:")
con.row_factory = sqlite3.Row
con.execute("create table t (Id integer, Name text)")
con.execute("insert into t values (1, 'one')")
con.execute("insert into t values (2, 'two')")
r = con.execute("select id, name from t order by id").fetchone()
print(type(r).__name__, r[0], r[1], r["id"], r["NAME"], r[-1], r[0:2], len(r), r.keys(), tuple(r))
for bad in ("nope", 5, 1.5):
    try:
        r[bad]
    except IndexError as e:
        print("IndexError", e)
r2 = con.execute("select id, name from t order by id").fetchone()
print(r == r2, r != r2, hash(r) == hash(r2), r == (1, "one"))
print([tuple(x) for x in con.execute("select * from t order by id")])
print(isinstance(r, __import__("collections").abc.Sequence))
con.row_factory = lambda cur, row: {d[0]: v for d, v in zip(cur.description, row)}
print(con.execute("select * from t order by id").fetchall())
con.row_factory = None
cur = con.cursor()
cur.row_factory = lambda c, row: row[::-1]
print(cur.execute("select 1, 2").fetchone())

con.text_factory = bytes
print(con.execute("select 'héllo'").fetchone())
con.text_factory = lambda b: b.decode("utf-8").upper()
print(con.execute("select 'héllo'").fetchone())
con.text_factory = str
try:
    con.execute("select cast(x'ff41' as text)").fetchone()
except sqlite3.OperationalError as e:
    print("OperationalError", e)


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


def adapt_point(p):
    return "%f;%f" % (p.x, p.y)


def convert_point(b):
    x, y = map(float, b.split(b";"))
    return Point(x, y)


sqlite3.register_adapter(Point, adapt_point)
sqlite3.register_converter("point", convert_point)
print(("Point" in [k[0].__name__ for k in sqlite3.adapters]), "POINT" in sqlite3.converters)
print(sqlite3.adapt(Point(1, 2)))
try:
    sqlite3.adapt(object())
except sqlite3.ProgrammingError as e:
    print("ProgrammingError", e)
print(sqlite3.adapt(5, sqlite3.PrepareProtocol, "alt"))

dcon = sqlite3.connect(":memory:", detect_types=sqlite3.PARSE_DECLTYPES | sqlite3.PARSE_COLNAMES)
dcon.execute("create table p (pt point, d date, ts timestamp, n number(10))")
dcon.execute("insert into p values (?, ?, ?, ?)",
             (Point(1.5, -2), datetime.date(2024, 2, 29), datetime.datetime(2001, 2, 3, 4, 5, 6, 789), 7))
dcon.execute("insert into p values (?, ?, ?, ?)", (None, None, datetime.datetime(2001, 2, 3, 4, 5, 6), 8))
print(dcon.execute("select * from p").fetchall())
print(dcon.execute('select pt as "p [point]", d as "x [DATE]" from p').fetchall())
print(dcon.execute('select pt as "p [point]" from p').description)
print(dcon.execute('select 1 as "one [unknown]"').fetchall())


class Conform:
    def __conform__(self, proto):
        if proto is sqlite3.PrepareProtocol:
            return "conformed"


print(dcon.execute("select ?", (Conform(),)).fetchone())

con.execute("create table dump_me (a integer primary key, b text, c blob, d real)")
con.execute("insert into dump_me values (1, 'it''s', x'0102', 1.5)")
con.execute("insert into dump_me values (2, null, null, null)")
con.execute("create index idx_b on dump_me (b)")
con.execute("create view v as select a from dump_me")
con.commit()
for line in con.iterdump():
    print(line)
