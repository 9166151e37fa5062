"""datetime (C _datetime): pickles byte-identical to CPython's, copies,
and subclasses (alternative constructors and arithmetic call the
subclass).  Protocol 4 is left out: its memo of the module name depends
on type.__module__ being the same (interned) str each time, which is
libobject's business, not _datetime's."""
import copy
import pickle
from datetime import date, time, datetime, timedelta, timezone, tzinfo

utc = timezone.utc
values = [timedelta(), timedelta(-1, 5, 7), date(1, 1, 1), date(9999, 12, 31), time(), time(23, 59, 59, 999999),
          time(1, tzinfo=utc), time(1, fold=1), datetime(2000, 2, 29, 1, 2, 3, 4),
          datetime(2000, 1, 1, fold=1), datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=3), 'X')),
          utc, timezone(timedelta(minutes=-90)), timezone.min]
for v in values:
    for proto in [0, 1, 2, 3]:
        data = pickle.dumps(v, proto)
        back = pickle.loads(data)
        print(proto, repr(v), data.hex(), back == v, type(back).__name__, getattr(back, 'fold', '-'))
    print('  copy', copy.copy(v) == v, copy.deepcopy(v) == v, v.__reduce__())
print(pickle.dumps(date(2000, 1, 1).isocalendar(), 2).hex())
print(pickle.loads(pickle.dumps(datetime(2000, 1, 1, fold=1), 4)).fold, pickle.loads(pickle.dumps(time(fold=1), 4)).fold)
print(datetime(2000, 1, 1, fold=1).__reduce_ex__(4), datetime(2000, 1, 1, fold=1).__reduce_ex__(3))
print(time(5, fold=1).__reduce_ex__(4), time(5, fold=1).__reduce__())
print(date(2004, 1, 1).isocalendar(), date(2004, 1, 1).isocalendar().week, tuple(date(2010, 1, 3).isocalendar()))
print(date.__new__(date, b'\x07\xd0\x01\x02'), datetime(b'\x07\xd0\x81\x02\x03\x04\x05\x00\x00\x06').fold)
print(time(b'\x81\x02\x03\x00\x00\x04', utc))
try:
    datetime(b'\x07\xd0\x01\x02\x03\x04\x05\x00\x00\x06', 5)
except TypeError as e:
    print('bad state', e)


class D(date):
    def __new__(cls, y, m, d, extra='x'):
        self = super().__new__(cls, y, m, d)
        self.extra = extra
        return self


class DT(datetime):
    pass


class TD(timedelta):
    pass


class T(time):
    pass


d = D(2000, 1, 2, 'y')
print(type(d).__name__, d.extra, repr(d), d.__reduce__()[0].__name__)
for name, f in [('add', lambda: d + timedelta(1)), ('sub', lambda: d - timedelta(1)),
                ('replace', lambda: d.replace(day=5)), ('fromordinal', lambda: D.fromordinal(5)),
                ('fromisoformat', lambda: D.fromisoformat('2001-02-03')),
                ('fromisocalendar', lambda: D.fromisocalendar(2001, 2, 3)),
                ('sub date', lambda: d - date(2000, 1, 1))]:
    r = f()
    print(name, type(r).__name__, repr(r), getattr(r, 'extra', None))
x = DT(2000, 1, 2, 3, tzinfo=utc)
for name, f in [('add', lambda: x + timedelta(1)), ('replace', lambda: x.replace(hour=5)),
                ('combine', lambda: DT.combine(date(2000, 1, 1), time(1))),
                ('fromtimestamp', lambda: DT.fromtimestamp(0, utc)), ('utcfromtimestamp', lambda: DT.utcfromtimestamp(0)),
                ('astimezone', lambda: x.astimezone(timezone(timedelta(hours=1)))),
                ('fromisoformat', lambda: DT.fromisoformat('2000-01-01T00:00')),
                ('strptime', lambda: DT.strptime('2000', '%Y')), ('date', lambda: x.date()), ('time', lambda: x.timetz())]:
    r = f()
    print(name, type(r).__name__, r)
print(type(TD(1)).__name__, repr(TD(1)), type(TD(1) + TD(1)).__name__, type(-TD(1)).__name__, type(TD(1) * 2).__name__)
print(type(T(1)).__name__, repr(T(1)), type(T(1).replace(hour=2)).__name__, type(T.fromisoformat('01:00')).__name__)
print(pickle.loads(pickle.dumps(x)) == x, type(pickle.loads(pickle.dumps(x))).__name__)
for cls in [date, time, datetime, timedelta, tzinfo]:
    class Sub(cls):
        pass
    print(cls.__name__, Sub.__mro__[1].__name__, cls.__module__)
try:
    class Z(timezone):
        pass
except TypeError as e:
    print('timezone subclass', e)
