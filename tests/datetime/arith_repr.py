"""datetime (C _datetime): reprs, str, arithmetic and normalisation at the
edges (year 1 / 9999, leap days), timedelta products and quotients."""
from datetime import date, time, datetime, timedelta, timezone, MINYEAR, MAXYEAR


def show(label, f):
    try:
        r = f()
        print(label, type(r).__name__, repr(r), str(r))
    except Exception as e:
        print(label, 'raises', type(e).__name__, e)


print(MINYEAR, MAXYEAR, date.min, date.max, datetime.min, datetime.max, time.min, time.max)
print(repr(timedelta.min), repr(timedelta.max), repr(timedelta.resolution))
print(repr(timezone.utc), repr(timezone.min), repr(timezone.max))

deltas = [timedelta(), timedelta(1), timedelta(-1), timedelta(seconds=-1), timedelta(microseconds=-1),
          timedelta(days=3, hours=25, minutes=-1, seconds=59.5, milliseconds=1.5, microseconds=0.5),
          timedelta(weeks=1.5, days=-0.25), timedelta(microseconds=1.5), timedelta(microseconds=2.5),
          timedelta(seconds=0.0000005), timedelta(hours=-0.0000000001), timedelta(999999999, 86399, 999999)]
for i, d in enumerate(deltas):
    print(i, repr(d), str(d), d.days, d.seconds, d.microseconds, d.total_seconds(), bool(d), abs(d), -d)

d = timedelta(days=1, seconds=7, microseconds=3)
for other in [2, -3, 0.5, 1.3, -2.75, 1e-7]:
    show('mul %r' % other, lambda: d * other)
    show('rmul %r' % other, lambda: other * d)
    show('div %r' % other, lambda: d / other)
for other in [2, -3, 7, timedelta(seconds=7), timedelta(hours=-5)]:
    show('floordiv %r' % other, lambda: d // other)
show('truediv td', lambda: d / timedelta(hours=3))
show('mod', lambda: d % timedelta(hours=5))
show('mod neg', lambda: d % timedelta(hours=-5))
show('divmod', lambda: divmod(d, timedelta(minutes=7)))
show('div zero', lambda: d / 0)
show('floordiv zero', lambda: d // 0)
show('mod zero', lambda: d % timedelta(0))
show('div float zero', lambda: d / 0.0)
show('mul inf', lambda: d * float('inf'))
show('overflow', lambda: timedelta.max + timedelta(microseconds=1))
show('days overflow', lambda: timedelta(days=10 ** 9))
show('bad type', lambda: timedelta('1'))
show('bad kw type', lambda: timedelta(hours=[]))
show('td + int', lambda: timedelta(1) + 1)

for dt in [date(1, 1, 1), date(9999, 12, 31), date(2000, 2, 29), date(1900, 2, 28), date(2004, 12, 31)]:
    print(repr(dt), dt, dt.toordinal(), dt.weekday(), dt.isoweekday(), dt.isocalendar(), dt.ctime(), dt.timetuple())
    show('  +1', lambda: dt + timedelta(1))
    show('  -1', lambda: dt - timedelta(1))
    show('  +366', lambda: timedelta(366) + dt)
    show('  - min', lambda: dt - date.min)
    show('  replace feb 29', lambda: dt.replace(month=2, day=29))

for dt in [datetime(1, 1, 1), datetime(9999, 12, 31, 23, 59, 59, 999999), datetime(2000, 2, 28, 23, 59, 59),
           datetime(2016, 12, 31, 12, 30, 0, 500), datetime(2020, 1, 1, tzinfo=timezone(timedelta(hours=-5)))]:
    print(repr(dt), dt, dt.date(), dt.time(), repr(dt.timetz()), dt.ctime(), dt.timetuple())
    show('  +1us', lambda: dt + timedelta(microseconds=1))
    show('  -1us', lambda: dt - timedelta(microseconds=1))
    show('  +1.5d', lambda: dt + timedelta(days=1.5))
    show('  -max', lambda: dt - datetime.max)
    show('  utctimetuple', lambda: dt.utctimetuple())

for t in [time(), time(1), time(1, 2), time(1, 2, 3), time(1, 2, 3, 4), time(23, 59, 59, 999999, fold=1),
          time(12, tzinfo=timezone(timedelta(hours=5, minutes=30), 'IST'))]:
    print(repr(t), t, bool(t), t.utcoffset(), t.dst(), t.tzname())

for args in [(0, 1, 1), (10000, 1, 1), (2000, 13, 1), (2000, 2, 30), (2001, 2, 29), (2000, 0, 1)]:
    show('date%r' % (args,), lambda: date(*args))
for kw in [dict(hour=24), dict(minute=60), dict(second=60), dict(microsecond=10 ** 6), dict(fold=2),
           dict(hour=-1), dict(tzinfo=1)]:
    show('time(**%r)' % kw, lambda: time(**kw))
    show('datetime(**%r)' % kw, lambda: datetime(2000, 1, 1, **kw))
show('float arg', lambda: date(2000.0, 1, 1))
show('big arg', lambda: date(2 ** 40, 1, 1))
show('fromordinal 0', lambda: date.fromordinal(0))
show('fromordinal max', lambda: date.fromordinal(3652059))
show('fromordinal max+1', lambda: date.fromordinal(3652060))
show('fromordinal dt', lambda: datetime.fromordinal(730120))
for iso in [(2004, 53, 7), (2003, 53, 1), (2020, 53, 5), (1, 1, 1), (9999, 52, 5), (0, 1, 1), (2019, 1, 8)]:
    show('fromisocalendar%r' % (iso,), lambda: date.fromisocalendar(*iso))
show('date max + 1', lambda: date.max + timedelta(1))
show('datetime max + 1us', lambda: datetime.max + timedelta(microseconds=1))
show('combine', lambda: datetime.combine(date(2000, 1, 2), time(3, 4, 5, 6, tzinfo=timezone.utc)))
show('combine tz', lambda: datetime.combine(date(2000, 1, 2), time(3, 4), timezone(timedelta(hours=1))))
show('combine bad', lambda: datetime.combine(1, 2))
