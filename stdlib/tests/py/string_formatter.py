"""_string's helpers and string.Formatter / string.Template built on them."""
import _string
import string

print(list(_string.formatter_parser('a{0!r:>{w}}b{{c}}')))
first, rest = _string.formatter_field_name_split('a.b[0]')
print(first, list(rest))
first, rest = _string.formatter_field_name_split('12[x].y')
print(first, list(rest))
try:
    _string.formatter_parser(1)
except TypeError as e:
    print("TypeError:", e)
f = string.Formatter()
print(f.format("{0}-{name!r:>8}-{1[1]}", "zero", [5, 6], name="n"))
print(string.Template("$who likes ${what}").substitute(who="tim", what="kung pao"))
print(string.capwords(" hello   world "), string.ascii_letters[:5], string.digits)
