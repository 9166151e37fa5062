"""Loan amortisation with decimal and a payment calendar with datetime."""
from decimal import Decimal, ROUND_HALF_UP, getcontext, localcontext
import datetime as dt
import calendar

getcontext().prec = 28
CENT = Decimal("0.01")


def schedule(principal, annual_rate, months, start):
    r = annual_rate / 12 / 100
    pay = (principal * r / (1 - (1 + r) ** -months)).quantize(CENT, ROUND_HALF_UP)
    bal = principal
    day = start
    for k in range(1, months + 1):
        interest = (bal * r).quantize(CENT, ROUND_HALF_UP)
        princ = pay - interest if k < months else bal
        bal -= princ
        y, m = divmod(day.month, 12)
        last = calendar.monthrange(day.year + y, m + 1)[1]
        day = day.replace(year=day.year + y, month=m + 1, day=min(start.day, last))
        yield k, day, interest, princ, bal


total = Decimal(0)
for k, day, i, p, b in schedule(Decimal("10000"), Decimal("6.5"), 12, dt.date(2024, 1, 31)):
    total += i
    print(f"{k:2} {day.isoformat()} {day:%a} {i:>8} {p:>9} {b:>10}")
print("interest", total, total.as_tuple().exponent, str(total / 3), total.sqrt())
with localcontext() as ctx:
    ctx.prec = 5
    print(Decimal(1) / Decimal(7), Decimal("1.23456789") + 0)
print(Decimal("NaN").is_nan(), Decimal("-0") == 0, Decimal("1e3").normalize(), Decimal(0.1))

t0 = dt.datetime(2024, 3, 10, 1, 30, tzinfo=dt.timezone.utc)
print(t0, t0 + dt.timedelta(days=1, hours=25), t0.isoformat(timespec="seconds"))
print(t0.astimezone(dt.timezone(dt.timedelta(hours=-5), "EST")), t0.timestamp())
print(dt.datetime.strptime("2023-07-04 12:01", "%Y-%m-%d %H:%M").strftime("%d/%m/%y %I%p %j"))
print(dt.date(2024, 2, 29).isocalendar(), dt.date.fromisoformat("2024-12-30").weekday())
print(dt.timedelta(seconds=-1), abs(dt.timedelta(days=-3, seconds=5)), dt.timedelta(hours=36) / 7)
print(repr(dt.time(23, 59, 59, 999999)), dt.datetime.fromtimestamp(0, dt.timezone.utc))
print(calendar.month(2024, 2))
