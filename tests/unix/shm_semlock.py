"""_posixshmem (shm_open / shm_unlink) and _multiprocessing (SemLock over
POSIX named semaphores, sem_unlink, flags): locking semantics of both
kinds, timeouts, _rebuild, errors.  Names carry the pid so parallel runs
do not collide."""
import _multiprocessing as mp
import _posixshmem
import mmap
import os

from _util import show

tag = "kiln%d" % os.getpid()

# --- _posixshmem
path = "/" + tag + "shm"
fd = _posixshmem.shm_open(path, os.O_CREAT | os.O_RDWR, 0o600)
print(type(fd).__name__)
os.ftruncate(fd, 4096)
with mmap.mmap(fd, 4096) as m:
    m[:5] = b"hello"
fd2 = _posixshmem.shm_open(path=path, flags=os.O_RDWR)
print(os.read(fd2, 5))
os.close(fd)
os.close(fd2)
for args in [(path, os.O_CREAT | os.O_EXCL | os.O_RDWR), ("/" + tag + "none", os.O_RDWR),
             ("/a/b", os.O_CREAT | os.O_RDWR), (5, 0), (b"/x", 0), ("/x",)]:
    try:
        _posixshmem.shm_open(*args)
        print("ok")
    except OSError as e:
        print(type(e).__name__, e.errno, e.filename == args[0])
    except Exception as e:
        print(type(e).__name__, e)
print(_posixshmem.shm_unlink(path))
try:
    _posixshmem.shm_unlink(path=path)
except OSError as e:
    print(type(e).__name__, e.errno, e.filename == path)
print(_posixshmem.__doc__, _posixshmem.shm_open.__doc__)

# --- _multiprocessing
print(mp.flags, mp.SemLock.SEM_VALUE_MAX, mp.SemLock.__doc__, mp.SemLock.__module__)
print(mp.SemLock.acquire.__doc__, mp.SemLock._count.__doc__)

s = mp.SemLock(1, 1, 1, "/" + tag + "a", False)
print(s.kind, s.maxvalue, type(s.handle).__name__, s.name == "/" + tag + "a")
print(s._count(), s._is_mine(), s._get_value(), s._is_zero())
print(s.acquire(), s._count(), s._is_mine(), s._get_value(), s._is_zero())
print(s.acquire(False), s.acquire(timeout=0.01), s.acquire(True, 0), s.acquire(timeout=-1))
print(s.release(), s._count())
show(s.release)
print(s.__enter__(), s._get_value(), s.__exit__(None, None, None), s._get_value())
with s:
    print("inside", s._count())
print(s._count())

show(mp.SemLock, 1, 1, 1, "/" + tag + "a", False)
again = mp.SemLock._rebuild(s.handle, 1, 1, "/" + tag + "a")
print(again.kind, again.name == s.name, again._get_value(), again.maxvalue)
adopted = mp.SemLock._rebuild(s.handle, 1, 1, None)
print(adopted.name, adopted.handle == s.handle, adopted._get_value())
print(mp.sem_unlink("/" + tag + "a"))
show(mp.sem_unlink, "/" + tag + "a")
show(mp.sem_unlink, 5)
show(mp.SemLock._rebuild, s.handle, 1, 1, "/" + tag + "a")

r = mp.SemLock(0, 1, 1, "/" + tag + "r", True)
print(r.kind, r.name, r._get_value())
print(r.acquire(), r._count(), r._is_mine(), r.acquire(), r._count(), r._get_value())
r.release()
print(r._count(), r._is_mine())
r.release()
print(r._count(), r._is_mine(), r._get_value())
show(r.release)
r.acquire()
r._after_fork()
print(r._count(), r._is_mine())

sem = mp.SemLock(1, 2, 5, "/" + tag + "s", True)
print(sem._get_value(), [sem.acquire(False) for _ in range(3)], sem._is_zero(), sem._count())
sem.release()
sem.release()
sem.release()
print(sem._get_value())
for _ in range(2):
    sem.release()
show(sem.release)
print(sem._get_value())

for args in [(5, 1, 1, "/" + tag + "x", True), (1, -1, 1, "/" + tag + "x", True),
             (1, 1, 1), (1, 1, 1, "a\0b", True), (1, 1, 1, 5, True),
             (1, 1, 1, "/" + tag + "x", "yes"), (1, 1, 1, None, True),
             (1, 2**40, 1, "/" + tag + "x", True)]:
    show(mp.SemLock, *args)
show(lambda: mp.SemLock(kind=1, value=1, maxvalue=1, name="/" + tag + "k", unlink=True).kind)
show(s.acquire, 1, 2, 3)
show(s.acquire, timeout="x")
show(s.release, 1)
show(setattr, s, "kind", 3)
import pickle
show(pickle.dumps, s)

# --- blocking acquire released by another process
gate = mp.SemLock(1, 0, 1, "/" + tag + "g", True)
pid = os.fork()
if pid == 0:
    import time
    time.sleep(0.05)
    gate.release()
    os._exit(0)
print(gate.acquire(True, 10), gate._count())
print(os.waitpid(pid, 0)[1])
