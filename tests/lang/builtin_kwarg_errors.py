# Argument errors of C-implemented functions: a missing required argument is
# reported before an unknown keyword (argument clinic's order).
for src in ["int.from_bytes(foo=1)", "'a'.encode(foo=1)", "sorted(foo=1)", "'a'.replace(foo=1)", "divmod(foo=1)", "open(foo=1)", "compile(foo=1)", "int.to_bytes(1, foo=2)", "'x'.startswith(foo=1)", "max(foo=1)", "round(foo=1)"]:
    try: eval(src)
    except TypeError as e: print(src, '->', e)
for src in ["\"a\".encode(\"utf-8\", encoding=\"x\")", "\"a\".split(sep=\",\", foo=1)", "int(\"1\", base=2, x=3)"]:
    try: eval(src)
    except TypeError as e: print(src, '->', e)
