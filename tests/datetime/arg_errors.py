"""datetime (C _datetime): constructor argument errors worded as
CPython's PyArg_ParseTupleAndKeywords words them, embedded NULs in strftime
formats, replace() checks and timedelta float edge cases."""
from datetime import *
for f in [lambda: datetime(2000,1,1).strftime('a\0b%Y'), lambda: datetime(2000,1,1).strftime('\ud800'),
          lambda: date(2000,1,1).strftime('%Y\0'), lambda: time(1).strftime('%H%'), lambda: datetime(1899, 1, 1).strftime('%Y %y'),
          lambda: datetime(2000, 1, 1, tzinfo=timezone(timedelta(hours=1), 'a\0b')).strftime('%Z'),
          lambda: datetime(2000, 1, 1, tzinfo=timezone(timedelta(hours=1), '\udcff')).strftime('%Z'),
          lambda: datetime(b'\x07\xd0\x01\x02', 1), lambda: datetime(2000),
          lambda: timedelta(1, days=2), lambda: date(2000, 1, 1, 1),
          lambda: datetime.fromisoformat('2020-01-01T00:00:00.000+\ud800'),
          lambda: datetime(2000, 1, 1).isoformat(sep='\ud800'),
          lambda: str(datetime(2000, 1, 1, tzinfo=timezone(timedelta(hours=1), 'x'))),
          lambda: datetime(2000, 1, 1).replace(tzinfo=5),
          lambda: datetime(2000, 1, 1).replace(year=2001, tzinfo=None, fold=1),
          lambda: datetime(2000, 2, 29).replace(year=2001),
          lambda: time().replace(fold=3),
          lambda: timedelta(microseconds=float('nan')), lambda: timedelta(days=float('inf')),
          lambda: timedelta(seconds=1e-300), lambda: timedelta(days=-1e-300),
          lambda: timedelta(microseconds=-0.5), lambda: timedelta(microseconds=1.5, seconds=0.0000005),
          lambda: timedelta(2**100), lambda: timedelta(1) * 2**100, lambda: timedelta(1) // timedelta(microseconds=3)]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
