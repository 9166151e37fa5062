"""built-in functions of the builtins module: __text_signature__ comes from
the "name(params)\n--\n\n" docstring header, and __doc__ is the rest."""
import builtins

# help is site.py's _Helper instance in CPython, not a built-in function;
# open is io.open (the _io module's, checked with io)
names = sorted(n for n in dir(builtins) if n not in ("help", "open")
               and type(getattr(builtins, n)).__name__ == "builtin_function_or_method")
for n in names:
    f = getattr(builtins, n)
    d = f.__doc__
    print(n, f.__text_signature__,
          "doc:", None if d is None else (type(d).__name__, d.startswith(n + "("), "\n--\n" in d))
print(repr(builtins), repr(__import__("sys")))
print(builtins.__spec__.origin, builtins.__loader__.__name__)
print(len.__text_signature__, abs.__text_signature__)
