"""datetime (C _datetime): local time under a DST zone (TZ set, tzset):
timestamp(), astimezone() and fromtimestamp() around the 2021 New York
transitions, with fold (PEP 495)."""
import os, time
from datetime import datetime, date, timedelta, timezone
os.environ['TZ'] = 'America/New_York'
time.tzset()
for args in [(2021, 3, 14, 2, 30), (2021, 11, 7, 1, 30), (2021, 6, 1, 12), (1970, 1, 1), (2038, 1, 19, 3, 14, 8)]:
    for fold in (0, 1):
        d = datetime(*args, fold=fold)
        print(repr(d), d.timestamp(), repr(d.astimezone()), repr(d.astimezone(timezone.utc)))
for ts in [1636263000, 1636263000 + 3600, 1615705200, 0, -1.5, 1e9 + 0.4999995]:
    d = datetime.fromtimestamp(ts)
    print(ts, repr(d), repr(date.fromtimestamp(ts)), d.timestamp())
print(repr(datetime(2021, 11, 7, 5, 30, tzinfo=timezone.utc).astimezone()))
print(datetime(2000, 1, 1).timetuple(), datetime(2000, 7, 1, tzinfo=timezone.utc).timetuple())
class TZ(timezone.__base__):
    def utcoffset(self, dt): return timedelta(hours=1)
    def dst(self, dt): return timedelta(hours=1)
    def tzname(self, dt): return 'X'
print(datetime(2000, 7, 1, tzinfo=TZ()).timetuple(), datetime(2000, 7, 1, tzinfo=TZ()).astimezone(timezone.utc))
import pickle
print(pickle.loads(pickle.dumps(TZ())).__class__.__name__)
print(TZ().__reduce__()[1:], timezone.utc.__reduce__())
x = datetime(2000, 1, 1, tzinfo=TZ()); print(x.astimezone(x.tzinfo) is x)
