"""f-strings: conversions, format specs, nesting, expressions."""
name = "world"
n = 42
pi = 3.14159265
items = [1, 2, 3]
print(f"hello {name}!")
print(f"{n} {n!r} {name!r} {name!s} {name!a} {'é'!a}")
print(f"{n:5d}|{n:<5}|{n:^5}|{n:>5}|{n:05}|{n:+}|{n:x}|{n:#o}|{n:b}")
print(f"{pi:.2f} {pi:10.3f} {pi:e} {pi:g} {pi:%} {1234567.891:,.2f} {1234567:_}")
width, prec = 12, 4
print(f"[{pi:{width}.{prec}f}] [{name:>{width}}] [{name:*^{width}}]")
print(f"{items[1]} {items[-1]} {len(items)} {sum(items) * 2}")
print(f"{'nested ' + f'{n}'}")
print(f"{{literal braces}} {{{n}}}")
d = {"key": "value"}
print(f"{d['key']} {d!r}")
print(f"{n = }", f"{name=!r}", f"{pi=:.1f}")
print(f"{3 if n > 10 else 4} {(lambda x: x * 2)(5)}")
print(f"multi {n} "
      f"line {name}")
print(f"{'a' 'b'}", f"{n:{'>'}{10}}")
x = 10
print(f"{x!r:>6}|{x:<6}|")
print(f"{None} {True} {1.0} {1e100} {0.1 + 0.2} {-0.0}")
print(f"{'tab':\t>6}")
