"""ZoneInfo objects: the cache, no_cache, clear_cache, from_file, str,
key, pickling, subclasses and errors."""
import datetime
import io
import pickle
import zoneinfo

ZI = zoneinfo.ZoneInfo
a = ZI("Europe/Paris")
print(a is ZI("Europe/Paris"), a is ZI(key="Europe/Paris"), a.key, str(a))
b = ZI.no_cache("Europe/Paris")
print(b is a, b.key, b is ZI.no_cache("Europe/Paris"))
ZI.clear_cache(only_keys=["Europe/Paris"])
c = ZI("Europe/Paris")
print(c is a, c is ZI("Europe/Paris"))
ZI.clear_cache()
print(ZI("Europe/Paris") is c)
for obj in (ZI("America/New_York"), ZI.no_cache("Asia/Tokyo")):
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(obj, protocol=proto))
        print(proto, back.key, back is obj, back is ZI(obj.key))
with open("/usr/share/zoneinfo/Europe/Berlin", "rb") as f:
    data = f.read()
ff = ZI.from_file(io.BytesIO(data), key="Berlin")
print(ff.key, str(ff), ff.utcoffset(datetime.datetime(2021, 7, 1)))
nokey = ZI.from_file(io.BytesIO(data))
print(nokey.key, nokey.utcoffset(datetime.datetime(2021, 1, 1)))
try:
    pickle.dumps(ff)
except Exception as e:
    print(type(e).__name__, e)
print(ZI._unpickle("Asia/Tokyo", True) is ZI("Asia/Tokyo"), ZI._unpickle("Asia/Tokyo", False) is ZI("Asia/Tokyo"))


class Sub(ZI):
    pass


s = Sub("Europe/Paris")
print(type(s).__name__, s is Sub("Europe/Paris"), s is ZI("Europe/Paris"), repr(s), str(s))
print(type(pickle.loads(pickle.dumps(s))).__name__)
dt = datetime.datetime(2021, 3, 28, 1, 30, tzinfo=ZI("Europe/Paris"))
print(dt + datetime.timedelta(hours=1), (dt + datetime.timedelta(hours=1)).utcoffset())
print(dt.astimezone(ZI("America/New_York")), dt.astimezone(ZI("America/New_York")).fold)
try:
    ZI("Europe/Paris").fromutc(datetime.datetime(2021, 1, 1))
except Exception as e:
    print(type(e).__name__, e)
try:
    ZI("Europe/Paris").fromutc("x")
except Exception as e:
    print(type(e).__name__, e)
for bad in ("No/Such_Zone", "../x", "/etc/x", "", "Europe/../Paris", "Europe"):
    try:
        ZI(bad)
        print("ok", bad)
    except Exception as e:
        print(type(e).__name__, e)
for bad in (b"not a tzif file at all", b"TZif2" + b"\0" * 10):
    try:
        ZI.from_file(io.BytesIO(bad))
    except Exception as e:
        print(type(e).__name__, e)
print(zoneinfo.ZoneInfoNotFoundError.__mro__[1].__name__)


class NamedFile(io.BytesIO):
    def __repr__(self):
        return "NamedFile('Berlin')"


print(repr(ZI("Europe/Paris")), repr(ZI("UTC")), repr(ZI.no_cache("Etc/GMT+5")))
anon = ZI.from_file(NamedFile(data))
print(repr(anon), str(anon), repr(Sub.from_file(NamedFile(data))))
print(repr(ZI.from_file(NamedFile(data), key="K")), str(ZI.from_file(NamedFile(data), key="K")))
print(ZI.__module__, ZI.__name__, ZI.__qualname__, isinstance(ZI("UTC"), datetime.tzinfo))
print(hasattr(ZI("UTC"), "__dict__"), hasattr(ZI, "_weak_cache"), type(Sub._weak_cache).__name__)
try:
    ZI("UTC").key = "x"
except AttributeError as e:
    print("AttributeError")
try:
    ZI()
except TypeError as e:
    print("TypeError")
