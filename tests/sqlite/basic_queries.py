# sqlite3: schema, inserts with both parameter styles, every fetch method,
# description / rowcount / lastrowid, iteration.
import sqlite3

con = sqlite3.connect(":memory:")
cur = con.cursor()
cur.execute("create table people (id integer primary key, name text, age integer, score real, photo blob)")
print("rowcount after create:", cur.rowcount, "description:", cur.description)
cur.execute("insert into people (name, age, score, photo) values (?, ?, ?, ?)", ("Ann", 31, 4.5, b"\x00\x01"))
print("lastrowid", cur.lastrowid, "rowcount", cur.rowcount)
cur.execute("insert into people (name, age, score, photo) values (:name, :age, :score, :photo)",
            {"name": "Bob", "age": 25, "score": 3.25, "photo": None})
print("lastrowid", cur.lastrowid)
cur.executemany("insert into people (name, age) values (?, ?)", [("Cy", 40), ("Di", 19), ("Ed", 52)])
print("executemany rowcount", cur.rowcount)
cur.executemany("insert into people (name, age) values (:n, :a)", ({"n": "F%d" % i, "a": i} for i in range(3)))
print("generator rowcount", cur.rowcount)

cur.execute("select id, name, age, score, photo from people order by id")
print([d[0] for d in cur.description])
print("fetchone", cur.fetchone())
print("fetchmany default", cur.fetchmany())
cur.arraysize = 2
print("fetchmany arraysize", cur.fetchmany())
print("fetchmany(3)", cur.fetchmany(3))
print("fetchall", cur.fetchall())
print("after end", cur.fetchone(), cur.fetchall(), cur.fetchmany(5))

for row in con.execute("select name, age from people where age > ? order by age desc", (20,)):
    print("iter", row)
print(con.execute("select count(*), sum(age), avg(score) from people").fetchone())
print(con.execute("update people set age = age + 1 where age < 30").rowcount)
print(con.execute("delete from people where name like 'F%'").rowcount)
print(con.execute("select 1").rowcount, con.execute("select 1").lastrowid)
print(con.total_changes)

# types round trip
vals = [0, -1, 2**63 - 1, -2**63, 1.5, float("inf"), "héllo ✓", "", b"", b"\xff\x00", None, True, bytearray(b"ab"), memoryview(b"mv")]
for v in vals:
    r = con.execute("select ?, typeof(?)", (v, v)).fetchone()
    print(type(v).__name__, repr(v) if not isinstance(v, memoryview) else bytes(v), "->", repr(r))
print(con.execute("select x'414243', 1e300 * 1e300, 7 / 2, 7.0 / 2").fetchone())
print(con.execute("select null").description)
print(con.execute("select 1 as a, 'x' as b").fetchall())
print(sqlite3.complete_statement("select 1;"), sqlite3.complete_statement("select 1"))
print(sqlite3.paramstyle, sqlite3.apilevel, sqlite3.PARSE_DECLTYPES, sqlite3.PARSE_COLNAMES)
print(sqlite3.SQLITE_OK, sqlite3.SQLITE_DENY, sqlite3.SQLITE_IGNORE, sqlite3.SQLITE_READ, sqlite3.SQLITE_INSERT)
print(isinstance(sqlite3.sqlite_version_info, tuple), sqlite3.threadsafety)
c2 = con.cursor()
print(c2.connection is con, c2.arraysize, c2.rowcount, c2.lastrowid, c2.description)
print(c2.setinputsizes([1]), c2.setoutputsize(5), c2.setoutputsize(5, 1))
con.close()
