"""datetime (C _datetime): comparisons between naive and aware values,
equality across offsets, and hashes that agree with equality."""
from datetime import date, time, datetime, timedelta, timezone, tzinfo


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, 'raises', type(e).__name__, e)


utc = timezone.utc
plus2 = timezone(timedelta(hours=2))
minus5 = timezone(timedelta(hours=-5), 'EST')
a = datetime(2000, 1, 1, 12, tzinfo=utc)
b = datetime(2000, 1, 1, 14, tzinfo=plus2)
c = datetime(2000, 1, 1, 7, tzinfo=minus5)
n = datetime(2000, 1, 1, 12)
print(a == b, b == c, a == c, hash(a) == hash(b) == hash(c), a < b, a <= c)
print(a == n, a != n, n == a)
show('naive < aware', lambda: n < a)
show('aware - naive', lambda: a - n)
show('b - c', lambda: b - c)
show('b - n', lambda: n - n.replace(hour=1))
print(date(2000, 1, 1) == datetime(2000, 1, 1), datetime(2000, 1, 1) == date(2000, 1, 1))
show('date < datetime', lambda: date(2000, 1, 1) < datetime(2000, 1, 1))
show('datetime < date', lambda: datetime(2000, 1, 1) < date(2000, 1, 1))
show('date < int', lambda: date(2000, 1, 1) < 5)
show('time < int', lambda: time() < 5)
print(date(2000, 1, 1) == 5, time() == 'x', timedelta(0) == 0, timedelta(1) != None)

t1 = time(12, tzinfo=utc)
t2 = time(13, tzinfo=timezone(timedelta(hours=1)))
t3 = time(12)
print(t1 == t2, hash(t1) == hash(t2), t1 == t3, t1 != t3)
show('naive time < aware', lambda: t3 < t1)
print(time(1) < time(2), time(1, fold=1) == time(1), hash(time(1, fold=1)) == hash(time(1)))
print(datetime(2000, 1, 1, fold=1) == datetime(2000, 1, 1), hash(datetime(2000, 1, 1, fold=1)) == hash(datetime(2000, 1, 1)))

print(timedelta(hours=24) == timedelta(1), hash(timedelta(hours=24)) == hash(timedelta(1)))
print(sorted([timedelta(-1), timedelta(0), timedelta(seconds=1), timedelta(microseconds=-1)]))
print(sorted([date(2000, 1, 2), date(1999, 12, 31), date(2000, 1, 1)]))
print(sorted([c, a, b.replace(hour=15), n.replace(tzinfo=utc)]))
print(len({a, b, c, n, n.replace(minute=1)}))
print(timezone(timedelta(0)) is utc, timezone(timedelta(0), 'UTC') == utc, timezone(timedelta(hours=1)) == plus2)
print(hash(timezone(timedelta(hours=2))) == hash(plus2), utc != plus2, utc == 5)


class Bad(tzinfo):
    def __init__(self, off):
        self.off = off

    def utcoffset(self, dt):
        return self.off

    def dst(self, dt):
        return self.off

    def tzname(self, dt):
        return self.off


for off in [5, timedelta(days=1), timedelta(hours=-24), timedelta(hours=23, minutes=59), None, 'x']:
    x = datetime(2000, 1, 1, tzinfo=Bad(off))
    show('utcoffset %r' % (off,), x.utcoffset)
    show('dst %r' % (off,), x.dst)
    show('tzname %r' % (off,), x.tzname)
show('tzinfo abstract', lambda: tzinfo().utcoffset(None))
show('tzinfo abstract dst', lambda: tzinfo().dst(None))
show('tzinfo abstract tzname', lambda: tzinfo().tzname(None))
show('fromutc wrong tz', lambda: utc.fromutc(datetime(2000, 1, 1)))
show('fromutc not dt', lambda: utc.fromutc(1))
show('fromutc ok', lambda: plus2.fromutc(datetime(2000, 1, 1, tzinfo=plus2)))
show('utcoffset arg', lambda: utc.utcoffset(1))
show('timezone bad', lambda: timezone(5))
show('timezone range', lambda: timezone(timedelta(days=1)))
show('timezone name', lambda: timezone(timedelta(0), 5))
for off in [timedelta(hours=5, minutes=30), timedelta(hours=-3, seconds=-7), timedelta(microseconds=-1),
            timedelta(hours=-23, minutes=-59)]:
    tz = timezone(off)
    print(repr(tz), str(tz), tz.tzname(None), tz.utcoffset(None), tz.dst(None))
show('astimezone', lambda: a.astimezone(minus5))
show('astimezone same', lambda: a.astimezone(utc) is a)
show('astimezone bad', lambda: a.astimezone(5))
show('timestamp aware', lambda: c.timestamp())
show('utc from ts', lambda: datetime.fromtimestamp(1e9, utc))
show('utc from ts tz', lambda: datetime.fromtimestamp(-1e9 + 0.5, plus2))
show('utcfromtimestamp', lambda: datetime.utcfromtimestamp(1234567890.1234565))
show('utcfromtimestamp round', lambda: datetime.utcfromtimestamp(0.0000005))
show('utcfromtimestamp round2', lambda: datetime.utcfromtimestamp(0.0000015))
show('utcfromtimestamp neg', lambda: datetime.utcfromtimestamp(-0.0000005))
show('utcfromtimestamp nan', lambda: datetime.utcfromtimestamp(float('nan')))
show('utcfromtimestamp huge', lambda: datetime.utcfromtimestamp(1e20))
