"""The int/str conversion limit (CVE-2020-10735 fix in 3.11)."""
import sys

print(sys.int_info)
print(sys.get_int_max_str_digits())
for bad in (5, -1, 639):
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    sys.set_int_max_str_digits()
except TypeError as e:
    print("TypeError:", e)
sys.set_int_max_str_digits(maxdigits=700)
print(sys.get_int_max_str_digits(), len(str(10 ** 699)))
for f in (lambda: str(10 ** 700), lambda: int("1" * 701), lambda: repr(-10 ** 800)):
    try:
        f()
    except ValueError as e:
        print("ValueError:", e)
print(hex(10 ** 800)[:10], int("1" * 701, 16) > 0)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)), sys.get_int_max_str_digits())
