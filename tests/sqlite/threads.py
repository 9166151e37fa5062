# sqlite3: check_same_thread, and a connection used from other threads
# when the check is off; work in threads on separate connections.
import os
import sqlite3
import tempfile
import threading

con = sqlite3.connect(":memory:")
errors = []


def use():
    try:
        con.execute("select 1")
    except sqlite3.ProgrammingError as e:
        errors.append(str(e).split(".")[0])


t = threading.Thread(target=use)
t.start()
t.join()
print(errors)

shared = sqlite3.connect(":memory:", check_same_thread=False)
shared.execute("create table t (x)")
lock = threading.Lock()


def worker(k):
    for i in range(50):
        with lock:
            shared.execute("insert into t values (?)", (k * 100 + i,))


threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(shared.execute("select count(*), sum(x) from t").fetchone())

d = tempfile.mkdtemp()
path = os.path.join(d, "t.db")
setup = sqlite3.connect(path)
setup.execute("create table c (n)")
setup.commit()
setup.close()
results = []


def reader(k):
    c = sqlite3.connect(path, timeout=30)
    c.execute("insert into c values (?)", (k,))
    c.commit()
    results.append(c.execute("select count(*) from c").fetchone()[0] >= 1)
    c.close()


threads = [threading.Thread(target=reader, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results, sqlite3.connect(path).execute("select sum(n) from c").fetchone())
os.remove(path)
os.rmdir(d)
