"""datetime (C _datetime): isoformat / strftime / __format__ and 3.11's
fromisoformat, including its error messages."""
from datetime import date, time, datetime, timedelta, timezone


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, 'raises', type(e).__name__, e)


tz = timezone(timedelta(hours=-3, minutes=-30, seconds=-15, microseconds=-7), 'odd%name')
dt = datetime(2002, 3, 4, 5, 6, 7, 8009, tzinfo=tz)
for spec in ['auto', 'hours', 'minutes', 'seconds', 'milliseconds', 'microseconds', 'bogus']:
    show('iso ' + spec, lambda: dt.isoformat(timespec=spec))
    show('time iso ' + spec, lambda: dt.timetz().isoformat(spec))
show('sep', lambda: dt.isoformat(' '))
show('sep long', lambda: dt.isoformat('ab'))
show('str', lambda: str(dt))
for fmt in ['%Y-%m-%d %H:%M:%S.%f %z %Z', '%%z %%Z %%f', '%a %A %b %B %j %U %W %w', '100%', '%', '%:z', '',
            '%Z%Z%z%z', 'caf\xe9 %d']:
    show('strftime %r' % fmt, lambda: dt.strftime(fmt))
    show('date strftime %r' % fmt, lambda: dt.date().strftime(fmt))
    show('time strftime %r' % fmt, lambda: dt.timetz().strftime(fmt))
    show('format %r' % fmt, lambda: format(dt, fmt))
show('f-string', lambda: f'{dt:%H:%M} {dt.date():%d/%m/%Y} {dt.time()}')
show('format bad', lambda: dt.__format__(5))
show('naive %z', lambda: datetime(2000, 1, 1).strftime('[%z][%Z]'))
show('utc %z', lambda: datetime(2000, 1, 1, tzinfo=timezone.utc).strftime('[%z][%Z]'))
show('year 1', lambda: datetime(1, 2, 3).strftime('%Y %m %d'))

dates = ['2020-01-02', '20200102', '2020-W01', '2020W01', '2020-W01-3', '2020W013', '2004-W53-7', '2003-W53',
         '0000-01-01', '2020-13-01', '2020-02-30', '2020-1-01', '2020/01/02', '2020-01-02T00', '', 'x' * 10]
for s in dates:
    show('date %r' % s, lambda: date.fromisoformat(s))
datetimes = ['2020-01-02T03:04:05', '2020-01-02 03:04:05.123', '2020-01-02T03:04:05.1234567', '2020-01-02T03',
             '2020-01-02T0304', '2020-01-02T030405,5', '2020-01-02T03:04:05Z', '2020-01-02T03:04:05+05:30',
             '2020-01-02T03:04:05-00:00', '2020-01-02T03:04:05+01:02:03.000004', '2020-01-02T03:04:05+25:00',
             '2020-01-02T24:00', '2020-01-02T03:04:05.', '2020-01-02T03:04:5', '2020-W01-1T10', '2020W0110:00',
             '20200102T030405', '2020-01-02\u6642 03:04', '2020-01-02T03:04:05Zx', '2020-01-02T03:04+',
             '2020-01-0203:04', '2020-01', '2020-01-02T', '2020-01-02X03:04']
for s in datetimes:
    show('datetime %r' % s, lambda: datetime.fromisoformat(s))
times = ['03:04:05', 'T03:04', '0304', '03', '03:04:05.000001', '03:04:05.5+01:00', '3:04', '03:4', '03:04:05,',
         '24:00:00', '03:04:05 ', '03:04:05z']
for s in times:
    show('time %r' % s, lambda: time.fromisoformat(s))
show('not str', lambda: date.fromisoformat(20200102))
show('dt not str', lambda: datetime.fromisoformat(b'2020-01-02'))
for x in [dt, dt.date(), dt.timetz(), datetime(2000, 1, 1), time(1, 2, 3, 4)]:
    show('roundtrip', lambda: type(x).fromisoformat(x.isoformat()) == x)
show('strptime', lambda: datetime.strptime('2001-02-03 04:05:06.000007', '%Y-%m-%d %H:%M:%S.%f'))
show('strptime tz', lambda: datetime.strptime('2001-02-03 +0130', '%Y-%m-%d %z'))
show('strptime bad', lambda: datetime.strptime('2001', '%d'))
show('strptime type', lambda: datetime.strptime(1, '%d'))
