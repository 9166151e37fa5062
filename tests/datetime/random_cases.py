"""datetime (C _datetime): seeded random timedelta construction and
arithmetic (float rounding), ordinal / ISO calendar round trips, datetime
+ timedelta, utcfromtimestamp and isoformat/fromisoformat round trips."""
import random
from datetime import *
r = random.Random(42)
def fl():
    return r.choice([r.uniform(-1e6, 1e6), r.uniform(-2, 2), r.randint(-10**6, 10**6) + 0.5, r.randint(-100, 100) / 8])
out = []
for i in range(600):
    kw = {}
    for k in ['days', 'seconds', 'microseconds', 'milliseconds', 'minutes', 'hours', 'weeks']:
        if r.random() < 0.4:
            kw[k] = fl() if r.random() < 0.5 else r.randint(-10**5, 10**5)
    try:
        d = timedelta(**kw)
        f = r.choice([fl(), 0.1, 1/3, -2.5])
        n = r.randint(-1000, 1000) or 1
        out.append((repr(d), repr(d * f), repr(d / f), repr(d / n), repr(d // n), repr(d * n), d / timedelta(seconds=7.3), repr(d % timedelta(seconds=7.3)), str(d)))
    except Exception as e:
        out.append((type(e).__name__, str(e)))
for i in range(600):
    o = r.randint(1, 3652059)
    d = date.fromordinal(o)
    dt = datetime(d.year, d.month, d.day, r.randint(0, 23), r.randint(0, 59), r.randint(0, 59), r.randint(0, 999999))
    try:
        delta = timedelta(days=r.randint(-10**6, 10**6), seconds=r.uniform(-1e5, 1e5))
        res = repr(dt + delta)
    except OverflowError as e:
        res = str(e)
    out.append((repr(d), d.isocalendar(), d.weekday(), d.toordinal() == o, res, dt.isoformat(), date.fromisocalendar(*d.isocalendar()) == d, datetime.utcfromtimestamp(r.uniform(-1e10, 1e10)), datetime.fromisoformat(dt.isoformat(timespec=r.choice(['hours', 'minutes', 'seconds', 'milliseconds', 'microseconds'])))))
for x in out:
    print(x)
