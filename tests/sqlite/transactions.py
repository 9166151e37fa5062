# sqlite3: implicit transactions, commit / rollback, isolation_level,
# the context manager, in-memory and file databases.
import os
import sqlite3
import tempfile

con = sqlite3.connect(":memory:")
con.execute("create table t (x)")
print("in_transaction", con.in_transaction, repr(con.isolation_level))
con.execute("insert into t values (1)")
print("after insert", con.in_transaction)
con.rollback()
print("after rollback", con.in_transaction, con.execute("select count(*) from t").fetchone())
con.execute("insert into t values (2)")
con.commit()
print("after commit", con.in_transaction, con.execute("select * from t").fetchall())
con.execute("select * from t")
print("select opens none", con.in_transaction)

with con:
    con.execute("insert into t values (3)")
print("with commit", con.execute("select * from t").fetchall())
try:
    with con:
        con.execute("insert into t values (4)")
        raise ValueError("boom")
except ValueError as e:
    print("with rollback", e, con.execute("select * from t").fetchall())

for level in ("DEFERRED", "immediate", "EXCLUSIVE", ""):
    con.isolation_level = level
    con.execute("insert into t values (5)")
    print(repr(con.isolation_level), con.in_transaction)
    con.rollback()
for bad in ("foo", 5):
    try:
        con.isolation_level = bad
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
con.execute("insert into t values (6)")
con.isolation_level = None
print("None commits", con.in_transaction, con.execute("select count(*) from t").fetchone())
con.execute("insert into t values (7)")
print("autocommit", con.in_transaction)
con.execute("begin")
con.execute("insert into t values (8)")
print("explicit begin", con.in_transaction)
con.rollback()
print(con.execute("select x from t order by x").fetchall())

con2 = sqlite3.connect(":memory:", isolation_level=None)
print(con2.isolation_level)
con2.executescript("create table a(x); insert into a values (1); insert into a values (2);")
print(con2.execute("select * from a").fetchall())
con2.close()

d = tempfile.mkdtemp()
path = os.path.join(d, "test.db")
fcon = sqlite3.connect(path)
fcon.execute("create table f (k text primary key, v)")
fcon.executemany("insert into f values (?, ?)", [("a", 1), ("b", 2)])
fcon.commit()
fcon.execute("insert into f values ('c', 3)")
fcon.close()
fcon = sqlite3.connect(path)
print("file", fcon.execute("select * from f order by k").fetchall())
fcon.close()
import pathlib
fcon = sqlite3.connect(pathlib.Path(path))
print("pathlike", fcon.execute("select count(*) from f").fetchone())
fcon.close()
fcon = sqlite3.connect("file:" + path + "?mode=ro", uri=True)
try:
    fcon.execute("insert into f values ('z', 0)")
except sqlite3.OperationalError as e:
    print("ro", e, e.sqlite_errorname)
fcon.close()
os.remove(path)
os.rmdir(d)
