"""syslog: constants, LOG_MASK / LOG_UPTO arithmetic (C int, as CPython
computes it), setlogmask round trip, argument errors.  Messages go to
the system log (or nowhere), never to stdout."""
import syslog

from _util import show

print([(n, getattr(syslog, n)) for n in dir(syslog) if n.isupper() and n.startswith("LOG_")
       and isinstance(getattr(syslog, n), int)])
for pri in (0, 3, 7, 8, 30, 31, 40, -1, 2**40):
    print(pri, syslog.LOG_MASK(pri), syslog.LOG_UPTO(pri))
show(syslog.LOG_MASK, "x")
show(syslog.LOG_MASK, 2**70)
old = syslog.setlogmask(syslog.LOG_UPTO(syslog.LOG_ERR))
print(syslog.setlogmask(0) == syslog.LOG_UPTO(syslog.LOG_ERR))
print(syslog.setlogmask(old) == syslog.LOG_UPTO(syslog.LOG_ERR), syslog.setlogmask(0) == old)
show(syslog.setlogmask, "x")
show(syslog.openlog, "kiln-test", syslog.LOG_PID, syslog.LOG_USER)
show(syslog.openlog, ident=5)
show(syslog.openlog, "x", "y")
show(syslog.openlog, "x", 1, 2, 3)
show(syslog.openlog, logoption=syslog.LOG_NDELAY, facility=syslog.LOG_LOCAL0)
syslog.setlogmask(syslog.LOG_MASK(syslog.LOG_EMERG))
show(syslog.syslog, syslog.LOG_DEBUG, "kiln differential test (masked)")
show(syslog.syslog, "kiln differential test (masked)")
for args in [(), (1, 2, 3), (5,), (b"x",), ("x", "y"), (2**40, "x"), (1, 5)]:
    show(syslog.syslog, *args)
show(lambda: syslog.syslog(message="x"))
show(syslog.closelog)
show(syslog.closelog)
syslog.setlogmask(old)
