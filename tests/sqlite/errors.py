# sqlite3: the exception hierarchy and 3.11's messages and attributes.
import sqlite3

for name in ("Warning", "Error", "InterfaceError", "DatabaseError", "DataError", "OperationalError",
             "IntegrityError", "InternalError", "ProgrammingError", "NotSupportedError"):
    cls = getattr(sqlite3, name)
    print(name, cls.__module__, [b.__name__ for b in cls.__mro__[1:]])

con = sqlite3.connect(":memory:")
con.execute("create table t (a integer primary key, b text unique not null)")
con.execute("insert into t values (1, 'x')")


def show(f):
    try:
        r = f()
        print("ok", r if not isinstance(r, sqlite3.Cursor) else "cursor")
    except Exception as e:
        print(type(e).__name__, e, getattr(e, "sqlite_errorcode", None), getattr(e, "sqlite_errorname", None))


show(lambda: con.execute("insert into t values (2, 'x')"))
show(lambda: con.execute("insert into t values (1, 'y')"))
show(lambda: con.execute("insert into t values (3, null)"))
show(lambda: con.execute("selec 1"))
show(lambda: con.execute("select * from missing"))
show(lambda: con.execute("select nosuchcol from t"))
show(lambda: con.execute("select 1; select 2"))
show(lambda: con.execute("select 1;  -- trailing comment"))
show(lambda: con.execute(""))
show(lambda: con.execute("select ?", (1, 2)))
show(lambda: con.execute("select ?, ?", [1]))
show(lambda: con.execute("select :a", {"b": 1}))
show(lambda: con.execute("select ?", {"a": 1}))
show(lambda: con.execute("select ?", (object(),)))
show(lambda: con.execute("select ?", (2**63,)))
show(lambda: con.execute("select ?", 5))
show(lambda: con.execute(b"select 1"))
show(lambda: con.execute("select '\0'"))
show(lambda: con.executemany("select ?", [(1,)]))
show(lambda: con.executescript(5))
show(lambda: con.executescript("create table u(x); bogus;"))
show(lambda: con.cursor(factory=lambda c: 5))
pending = con.execute("select 1 union all select 2")
other = sqlite3.connect(":memory:")
other_cur = other.execute("select 1 union all select 2")
other.close()
show(lambda: other_cur.fetchone())
show(lambda: con("select 1") is not None)
show(lambda: con("select 1; select 2"))
show(lambda: con.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, 20))
show(lambda: con.execute("select 'this is longer than twenty'"))
show(lambda: con.setlimit(sqlite3.SQLITE_LIMIT_SQL_LENGTH, 1000000))
show(lambda: con.getlimit(99))
cur = con.cursor()
cur.close()
show(lambda: cur.execute("select 1"))
show(lambda: cur.fetchall())
con.close()
show(lambda: con.execute("select 1"))
show(lambda: con.commit())
show(lambda: con.cursor())
show(lambda: con.total_changes)
show(lambda: pending.fetchone())
show(lambda: con.close())
print(issubclass(sqlite3.IntegrityError, sqlite3.DatabaseError), con.Error is sqlite3.Error)
