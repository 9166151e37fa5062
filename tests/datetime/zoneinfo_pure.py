"""datetime (C _datetime) under the pure-Python zoneinfo (the C _zoneinfo
is blocked in both interpreters): fold, utcoffset/dst/tzname, astimezone
and strftime around the 2021 New York transitions."""
import sys
sys.modules['_zoneinfo'] = None
from zoneinfo import ZoneInfo
from datetime import datetime, timedelta, timezone
ny = ZoneInfo('America/New_York')
for args in [(2021, 3, 14, 2, 30), (2021, 11, 7, 1, 30), (2021, 6, 1, 12)]:
    for fold in (0, 1):
        d = datetime(*args, fold=fold, tzinfo=ny)
        print(d, d.utcoffset(), d.dst(), d.tzname(), d.astimezone(timezone.utc), d.timestamp())
u = datetime(2021, 11, 7, 5, 30, tzinfo=timezone.utc)
for i in range(4):
    x = (u + timedelta(minutes=30 * i)).astimezone(ny)
    print(x, x.fold, x.strftime('%Y-%m-%d %H:%M %Z %z'))
