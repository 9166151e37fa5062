"""datetime (C _datetime): IsoCalendarDate, subclass reprs, keyword
construction, the attribute sets of the types, clock constructors' result
types, and range errors of utctimetuple/astimezone at the year limits."""
from datetime import *
import copy
ic = date(2020, 1, 1).isocalendar()
T = type(ic)
print(T.__name__, T.__module__, T.__qualname__, T.__mro__[1], ic == (2020, 1, 3), ic[1:], len(ic), hash(ic) == hash((2020, 1, 3)))
print(repr(T(1, 2, 3)), ic.__reduce__(), copy.copy(ic), repr(ic + (1,)))
try:
    T(1, 2)
except TypeError as e:
    print(type(e).__name__)
class MyDate(date): pass
class MyDT(datetime): pass
class MyTD(timedelta): pass
print(repr(MyDate(2000, 1, 1)), repr(MyDT(2000, 1, 1)), repr(MyTD(1)), repr(MyTD(0)), str(MyDT(2000, 1, 1)))
print(repr(date(year=2000, month=1, day=2)), repr(datetime(2000, 1, 2, minute=5)))
print(date.__new__(date, 2000, 1, 1))
print(time(1, 2) .__format__(''), format(time(1), '%H'), datetime(2000, 1, 1).__format__('%Y'))
print(timedelta(1) == timedelta(1).__class__(1), timedelta(days=1).__reduce__())
print(type(datetime.now()), type(datetime.utcnow()), type(datetime.now(timezone.utc)), type(date.today()))
print(datetime.now(timezone.utc).tzinfo, datetime.utcnow().tzinfo)
print(timezone.utc.__getinitargs__(), timezone(timedelta(hours=1), 'A').__getinitargs__())
print(sorted(set(dir(datetime)) - set(dir(object))))
print(sorted(set(dir(timedelta)) - set(dir(object))))
print(sorted(set(dir(time)) - set(dir(object))))
print(sorted(set(dir(timezone)) - set(dir(object))))
print(date.fromisoformat.__doc__ is not None, datetime.__doc__ is not None)
print(datetime.max.timestamp() if False else '', datetime(1, 1, 1, tzinfo=timezone.utc).timestamp())
for f in [lambda: datetime.min.replace(tzinfo=timezone(timedelta(hours=1))).utctimetuple(),
          lambda: datetime.max.replace(tzinfo=timezone(timedelta(hours=-1))).utctimetuple(),
          lambda: datetime.min.replace(tzinfo=timezone(timedelta(hours=1))).astimezone(timezone.utc),
          lambda: hash(datetime.min.replace(tzinfo=timezone(timedelta(hours=1)))) is not None,
          lambda: datetime.min.replace(tzinfo=timezone(timedelta(hours=1))) == datetime.min.replace(tzinfo=timezone.utc),
          lambda: time(0, tzinfo=timezone(timedelta(hours=1))) < time(0, tzinfo=timezone.utc),
          lambda: hash(time(0, tzinfo=timezone(timedelta(hours=1)))) == hash(time(23, tzinfo=timezone.utc)),
          lambda: time(0, tzinfo=timezone(timedelta(hours=1))) == time(23, tzinfo=timezone.utc),
          lambda: datetime(2000, 1, 1).__reduce_ex__('x'),
          lambda: timedelta(1).__reduce_ex__(2),
          lambda: date(2000, 1, 1).__reduce_ex__(4),
          lambda: datetime(2000, 1, 1) + 1, lambda: 1 - date(2000, 1, 1), lambda: time() + timedelta(1),
          lambda: -date(2000, 1, 1), lambda: datetime(2000, 1, 1) - date(2000, 1, 1),
          lambda: date(2000, 1, 1) - datetime(2000, 1, 1)]:
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
