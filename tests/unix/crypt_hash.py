"""_crypt / crypt: hashes for fixed salts of every method libcrypt has,
the failure token for unknown methods, argument errors."""
import warnings

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import crypt
import _crypt

from _util import show

print(crypt.methods)
for salt in ("ab", "$1$saltsalt$", "$5$saltsalt$", "$6$saltsalt$", "$5$rounds=5000$abc$",
             "$2b$04$abcdefghijklmnopqrstuu", "$9$", "", "*"):
    show(_crypt.crypt, "secret", salt)
print(crypt.crypt("secret", crypt.METHOD_SHA512.ident and "$6$fixedsalt"))
print(crypt.crypt("pass word", "xy"), crypt.crypt("", "$6$x$"))
print(len(crypt.crypt("secret", crypt.METHOD_SHA256)), len(crypt.mksalt(crypt.METHOD_SHA512)))
h = crypt.crypt("secret")
print(crypt.crypt("secret", h) == h, crypt.crypt("wrong", h) == h)
for args in [(5, "ab"), (None, "ab"), ("x",), ("a\0", "ab"), ("x", "a\0"), (b"x", "ab"), ("x", 5),
             ("\udcff", "ab")]:
    show(_crypt.crypt, *args)
print(_crypt.crypt.__doc__)
