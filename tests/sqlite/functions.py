# sqlite3: user functions, aggregates, collations, authorizer, progress
# handler, trace callback.
import sqlite3

con = sqlite3.connect(":memory:")
con.execute("create table t (name text, n integer)")
con.executemany("insert into t values (?, ?)", [("b", 2), ("A", 1), ("c", 3), ("B", 5)])
con.commit()

con.create_function("double", 1, lambda x: x * 2)
con.create_function("pyrepr", -1, lambda *a: repr(a))
con.create_function("const", 0, lambda: 42, deterministic=True)
print(con.execute("select double(n), double(name) from t order by n").fetchall())
print(con.execute("select pyrepr(1, 2.5, 'x', x'00', null)").fetchone())
print(con.execute("select const()").fetchone())


def boom(x):
    raise ValueError("no")


con.create_function("boom", 1, boom)
try:
    con.execute("select boom(1)").fetchone()
except sqlite3.OperationalError as e:
    print("OperationalError", e)
con.create_function("badret", 0, lambda: object())
try:
    con.execute("select badret()").fetchone()
except sqlite3.OperationalError as e:
    print("OperationalError", e)


class Sum:
    def __init__(self):
        self.total = 0

    def step(self, v):
        self.total += v

    def finalize(self):
        return self.total


class Concat:
    def __init__(self):
        self.parts = []

    def step(self, a, b):
        self.parts.append("%s%s" % (a, b))

    def finalize(self):
        return ",".join(self.parts)


class BadStep:
    def step(self, v):
        raise ValueError

    def finalize(self):
        return 0


class BadFinal:
    def step(self, v):
        pass

    def finalize(self):
        1 / 0


con.create_aggregate("mysum", 1, Sum)
con.create_aggregate("cat", 2, Concat)
con.create_aggregate("badstep", 1, BadStep)
con.create_aggregate("badfinal", 1, BadFinal)
print(con.execute("select mysum(n) from t").fetchone())
print(con.execute("select cat(name, n) from (select * from t order by n)").fetchone())
print(con.execute("select lower(name), mysum(n) from t group by lower(name) order by 1").fetchall())
for q in ("select badstep(n) from t", "select badfinal(n) from t"):
    try:
        con.execute(q).fetchone()
    except sqlite3.OperationalError as e:
        print("OperationalError", e)


def reverse(a, b):
    return (a < b) - (a > b)


con.create_collation("reverse", reverse)
print(con.execute("select name from t order by name collate reverse").fetchall())
con.create_collation("nocase_py", lambda a, b: (a.lower() > b.lower()) - (a.lower() < b.lower()))
print(con.execute("select name from t order by name collate nocase_py, n").fetchall())
con.create_collation("reverse", None)
try:
    con.execute("select name from t order by name collate reverse")
except sqlite3.OperationalError as e:
    print("OperationalError", e)
try:
    con.create_collation("x", 5)
except TypeError as e:
    print("TypeError", e)

seen = []


def auth(action, a1, a2, db, src):
    seen.append((action, a1, a2))
    if a2 == "n":
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


con.set_authorizer(auth)
print(con.execute("select name from t where name = 'A'").fetchall())
try:
    con.execute("select n from t")
except sqlite3.DatabaseError as e:
    print(type(e).__name__, e)
con.set_authorizer(None)
print(sorted(set(seen))[:4])

calls = []
con.set_progress_handler(lambda: calls.append(1) or 0, 1)
con.execute("select count(*) from t").fetchone()
print("progress called", len(calls) > 0)
con.set_progress_handler(lambda: 1, 1)
try:
    con.execute("select count(*) from t").fetchone()
except sqlite3.OperationalError as e:
    print("OperationalError", e)
con.set_progress_handler(None, 1)

traced = []
con.set_trace_callback(traced.append)
con.execute("select ?, ?", (1, "two")).fetchall()
con.set_trace_callback(None)
con.execute("select 3")
print(traced)


class WinSum:
    def __init__(self):
        self.total = 0

    def step(self, v):
        self.total += v

    def inverse(self, v):
        self.total -= v

    def value(self):
        return self.total

    def finalize(self):
        return self.total


con.create_window_function("winsum", 1, WinSum)
print(con.execute("select n, winsum(n) over (order by n rows between 1 preceding and current row) from t").fetchall())

con.execute("create table b (data blob)")
con.execute("insert into b values (zeroblob(8))")
with con.blobopen("b", "data", 1) as blob:
    blob.write(b"abc")
    print(blob.tell(), len(blob), blob[0], blob[1:3], blob[-1])
    blob[7] = 65
    blob.seek(0)
    print(blob.read(4), blob.read())
    blob[0:2] = b"XY"
print(con.execute("select data from b").fetchone())
for f in (lambda: blob.read(), lambda: con.blobopen("b", "nope", 1)):
    try:
        f()
    except sqlite3.Error as e:
        print(type(e).__name__, e)
bk = sqlite3.connect(":memory:")
con.commit()
con.backup(bk)
print(bk.execute("select name, n from t order by n").fetchall())
