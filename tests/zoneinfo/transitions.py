"""ZoneInfo offsets, DST, names and fromutc across many zones and instants:
DST changes both ways, fold=0/1 in gaps and overlaps, far past and far
future (the POSIX TZ string), fixed-offset zones."""
import datetime
import zoneinfo

UTC = datetime.timezone.utc
ZONES = ("Europe/Paris", "America/New_York", "Australia/Sydney", "Asia/Kolkata",
         "America/Sao_Paulo", "Africa/Casablanca", "Pacific/Chatham", "Europe/Dublin",
         "America/St_Johns", "Asia/Tokyo", "UTC", "Etc/GMT+5", "Etc/GMT-14",
         "Antarctica/Troll", "America/Santiago", "Pacific/Apia", "Europe/London")
YEARS = (1800, 1901, 1950, 1970, 1996, 2011, 2021, 2037, 2038, 2050, 2400, 9000)


def show(dt):
    return f"{dt} {dt.utcoffset()} {dt.dst()} {dt.tzname()}"


for name in ZONES:
    zi = zoneinfo.ZoneInfo(name)
    print(name, str(zi), zi.utcoffset(None), zi.dst(None), zi.tzname(None))
    for year in YEARS:
        for month in (1, 4, 7, 10):
            for fold in (0, 1):
                dt = datetime.datetime(year, month, 15, 12, 30, fold=fold, tzinfo=zi)
                print(" ", show(dt))
    # each change of offset in 2021 and 2045 (found by the day, pinned to
    # the hour), both directions, and the wall times around it
    for year in (2021, 2045):
        start = datetime.datetime(year, 1, 1, tzinfo=UTC)
        prev = start.astimezone(zi).utcoffset()
        for day in range(1, 366):
            u = start + datetime.timedelta(days=day)
            off = u.astimezone(zi).utcoffset()
            if off == prev:
                continue
            prev = off
            u -= datetime.timedelta(days=1)
            while u.astimezone(zi).utcoffset() == (u - datetime.timedelta(hours=1)).astimezone(zi).utcoffset():
                u += datetime.timedelta(hours=1)
            local = u.astimezone(zi)
            before = (u - datetime.timedelta(hours=1)).astimezone(zi)
            print("  change", before, "->", local, local.fold)
            for mins in (-90, -30, 0, 30, 90):
                wall = local.replace(tzinfo=None) + datetime.timedelta(minutes=mins)
                for fold in (0, 1):
                    w = wall.replace(fold=fold, tzinfo=zi)
                    print("   ", show(w), w.astimezone(UTC))
