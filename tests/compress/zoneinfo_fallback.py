"""zoneinfo over the system tz database: str() and behaviour (Kiln now
has the _zoneinfo C class too; repr() is covered in tests/zoneinfo)."""
import datetime
import pickle
import zoneinfo

paris = zoneinfo.ZoneInfo("Europe/Paris")
print(str(paris), paris.key, paris is zoneinfo.ZoneInfo("Europe/Paris"))
for month, day, hour in ((1, 15, 12), (3, 28, 1), (3, 28, 3), (7, 1, 0), (10, 31, 2), (12, 31, 23)):
    dt = datetime.datetime(2021, month, day, hour, 30, tzinfo=paris)
    print(dt, dt.utcoffset(), dt.dst(), dt.tzname(), dt.astimezone(datetime.timezone.utc))
ambiguous = datetime.datetime(2021, 10, 31, 2, 30, tzinfo=paris)
print(ambiguous.utcoffset(), ambiguous.replace(fold=1).utcoffset())
utc = datetime.datetime(2021, 3, 28, 0, 59, tzinfo=datetime.timezone.utc)
print([str((utc + datetime.timedelta(minutes=m)).astimezone(paris)) for m in (0, 1, 2)])
ny = zoneinfo.ZoneInfo("America/New_York")
print(datetime.datetime(2030, 6, 1, tzinfo=ny).utcoffset(), datetime.datetime(1900, 1, 1, tzinfo=ny).tzname())
print(zoneinfo.ZoneInfo("UTC").utcoffset(None), str(zoneinfo.ZoneInfo("Asia/Kolkata")))
print(pickle.loads(pickle.dumps(paris)) is paris)
print(zoneinfo.ZoneInfo.no_cache("Europe/Paris") is paris)
print(len(zoneinfo.available_timezones()) > 300, "Europe/Paris" in zoneinfo.available_timezones())
for bad in ("No/Such_Zone", "../etc/passwd", ""):
    try:
        zoneinfo.ZoneInfo(bad)
    except Exception as e:
        print(type(e).__name__, e)
