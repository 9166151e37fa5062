"""pwd, grp and spwd: lookups of root / gid 0, errors worded as CPython's,
struct sequence behaviour."""
import grp
import pwd
import warnings

from _util import show

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    import spwd
print([(w.category.__name__, str(w.message), w.filename == __file__, w.lineno) for w in caught])


class Index:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


p = pwd.getpwuid(0)
print(p.pw_name, p.pw_uid, p.pw_gid, p.pw_dir, type(p).__name__, len(p))
print(p[0], p[2:4], tuple(p) == p, p == pwd.getpwnam("root"))
print(type(p).__module__, pwd.struct_passwd.n_fields, pwd.struct_passwd.n_sequence_fields)
print(pwd.struct_passwd.__doc__)
print(pwd.__doc__)
print(pwd.getpwuid.__doc__)
show(pwd.getpwuid, Index(0))
for bad in (-1, -5, 2**32, 2**32 - 2, 2**64, 123456, 1.5, "0", None, True):
    show(pwd.getpwuid, bad)
for name in ("nosuchuser", "a\0b", b"root", 5, None, "\udcff"):
    show(pwd.getpwnam, name)
every = pwd.getpwall()
print(type(every).__name__, any(e.pw_name == "root" for e in every))
print(pwd.struct_passwd(("a", "b", 1, 2, "c", "d", "e")))
show(pwd.struct_passwd, (1, 2))
print(p.__reduce__())

g = grp.getgrgid(0)
print(g.gr_name, g.gr_gid, type(g.gr_mem).__name__, len(g), type(g).__module__)
print(g == grp.getgrnam("root"), grp.getgrgid(id=0) == g)
print(grp.struct_group.__doc__)
print(grp.__doc__)
for bad in (-1, -5, 2**32, 2**40, 2**63, 2**64, -2**70, 123456, Index(123456), 1.5, "0"):
    show(grp.getgrgid, bad)
for name in ("nosuch", "a\0b", b"root", 5, None, "\udcff"):
    show(grp.getgrnam, name)
show(lambda: grp.getgrnam(name="root"))
show(lambda: grp.getgrgid())
show(lambda: grp.getgrgid(0, 1))
print(any(e.gr_gid == 0 for e in grp.getgrall()))

s = spwd.getspnam("root")
print(s.sp_namp, s.sp_nam, len(s), spwd.struct_spwd.n_fields, spwd.struct_spwd.n_sequence_fields)
print([type(x).__name__ for x in s])
show(spwd.getspnam, "nosuch")
show(spwd.getspnam, b"root")
show(spwd.getspnam, "a\0")
print(any(e.sp_namp == "root" for e in spwd.getspall()))
print(spwd.struct_spwd.__doc__)
print(spwd.__doc__)

# Without privilege the shadow database is unreadable: whatever the C
# library then reports (an errno -> OSError such as PermissionError, or,
# with nss-systemd in the chain, "not found" -> KeyError) is raised as
# CPython raises it.  A child drops to uid 65534; as non-root the setuid
# itself fails the same way in both interpreters.
import os
import sys

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    try:
        os.setuid(65534)
        spwd.getspnam("daemon")
        print("shadow readable")
    except OSError as e:
        print(type(e).__name__, e.errno)
    except KeyError as e:
        print("KeyError", e)
    print(len(spwd.getspall()))
    sys.stdout.flush()
    os._exit(0)
print(os.waitpid(pid, 0)[1])
