"""resource: limits (types, round trip of RLIMIT_NOFILE), getrusage's
struct_rusage, getpagesize, constants and errors."""
import resource

from _util import show

names = sorted(n for n in dir(resource) if n.isupper())
print([(n, getattr(resource, n)) for n in names])
print(resource.error is OSError, resource.__doc__)

soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print(type(soft).__name__, type(hard).__name__, soft <= hard or hard == resource.RLIM_INFINITY)
resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
print(resource.getrlimit(resource.RLIMIT_NOFILE) == (soft, hard))
resource.setrlimit(resource.RLIMIT_NOFILE, [soft, hard])
print(resource.prlimit(0, resource.RLIMIT_NOFILE) == (soft, hard))
print(resource.prlimit(0, resource.RLIMIT_NOFILE, (soft, hard)) == (soft, hard))
core = resource.getrlimit(resource.RLIMIT_CORE)
resource.setrlimit(resource.RLIMIT_CORE, (0, core[1]))
print(resource.getrlimit(resource.RLIMIT_CORE)[0])
resource.setrlimit(resource.RLIMIT_CORE, core)

ru = resource.getrusage(resource.RUSAGE_SELF)
fields = [n for n in dir(ru) if n.startswith("ru_")]
print(fields, len(ru), type(ru).__name__, type(ru).__module__)
print(type(ru.ru_utime).__name__, type(ru.ru_maxrss).__name__, ru.ru_maxrss > 0)
print(resource.struct_rusage.__doc__)
print(resource.struct_rusage((1,) * 16))
print(len(resource.getrusage(resource.RUSAGE_CHILDREN)), len(resource.getrusage(resource.RUSAGE_THREAD)))
print(resource.getpagesize(), resource.prlimit.__doc__)

for args in [(99,), (-1,), ("x",), (2**70,), (-2**40,)]:
    show(resource.getrlimit, *args)
for args in [(99,), ("x",), (2**40,)]:
    show(resource.getrusage, *args)
NOFILE = resource.RLIMIT_NOFILE
for limits in [(1,), 5, ("a", 1), (1.5, 1), (2**64, 1), (-5, 1), (10, 5), None]:
    show(resource.setrlimit, NOFILE, limits)
show(resource.setrlimit, 99, (1, 1))
show(resource.setrlimit, NOFILE)
for args in [(0, 99), (0,), (0, NOFILE, (1,)), (0, NOFILE, 5), (0, NOFILE, (10, 5)),
             (0, NOFILE, (1, 2), 4), (2**40, 1), (-2**40, 1), ("x", 1), (0, NOFILE, None),
             (0, NOFILE, (2**63, 1))]:
    show(resource.prlimit, *args)
show(lambda: resource.prlimit(pid=0, resource=1))
