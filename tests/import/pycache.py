"""__pycache__: a .pyc is written under the interpreter's cache tag, reused
on the next import, and gives the same behaviour as the source (built-in
modules only)."""
import _frozen_importlib_external as external
import posix
import sys

tag = sys.implementation.cache_tag
d = "/tmp/kiln-import-test-%d" % posix.getpid()
posix.mkdir(d)
cache = d + "/__pycache__"
pyc = cache + "/cached_mod." + tag + ".pyc"
try:
    with open(d + "/cached_mod.py", "w") as f:
        f.write("def f(x):\n    return [i * x for i in range(3)], {'k': (1.5, b'b', None, 2**70)}\n"
                "class K:\n    def m(self):\n        try:\n            return f(2)\n"
                "        except ZeroDivisionError:\n            return None\n")
    sys.path.insert(0, d)
    sys.dont_write_bytecode = False
    import cached_mod
    first = (cached_mod.f(3), cached_mod.K().m())
    print("written", tag in pyc, posix.stat(pyc).st_size > 16, cached_mod.__cached__ == pyc)
    with open(pyc, "rb") as f:
        data = f.read()
    print("magic is the running interpreter's", data[:4] == external.MAGIC_NUMBER)
    mtime = posix.stat(pyc).st_mtime
    del sys.modules["cached_mod"]
    import cached_mod as again
    print("same results from the cache", (again.f(3), again.K().m()) == first)
    print("cache reused (not rewritten)", posix.stat(pyc).st_mtime == mtime)
    print("filename", again.f.__code__.co_filename == d + "/cached_mod.py")
    print("loaded from cache", type(again.__spec__.loader).__name__, again.__spec__.cached == pyc)
finally:
    for p in (pyc, d + "/cached_mod.py"):
        try:
            posix.unlink(p)
        except OSError:
            pass
    for p in (cache, d):
        try:
            posix.rmdir(p)
        except OSError:
            pass
