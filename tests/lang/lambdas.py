"""Lambda expressions: defaults, closures, conditional bodies, names."""

sq = lambda x: x * x
print(sq(7), sq.__name__, sq.__qualname__)
add = lambda a, b=10: a + b
print(add(1), add(1, 2))
var = lambda *a, **k: (a, k)
print(var(1, 2, z=3))
noargs = lambda: "nothing"
print(noargs())

print(sorted(["banana", "Apple", "cherry"], key=lambda s: s.lower()))
print(sorted([(1, "b"), (2, "a"), (1, "a")], key=lambda t: (t[1], -t[0])))
print(list(map(lambda x: x + 1, [1, 2, 3])))
print(list(filter(lambda x: x % 2, range(10))))

cond = lambda n: "neg" if n < 0 else "zero" if n == 0 else "pos"
print([cond(n) for n in (-1, 0, 1)])

curry = lambda a: lambda b: lambda c: a + b + c
print(curry(1)(2)(3))

adders = {n: (lambda x, n=n: x + n) for n in range(3)}
print([adders[n](10) for n in range(3)])

compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(sq, lambda x: x + 1)
print(inc_then_sq(3))

# Lambdas in class bodies become methods.
class K:
    double = lambda self, x: 2 * x
    name = (lambda: "called at class creation")()


print(K().double(21), K.name)

# Immediately invoked, walrus inside lambda body
print((lambda x: (y := x * 2) + y)(5))

# Recursion through a name
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10))

# Y-combinator style
Y = lambda f: (lambda x: x(x))(lambda x: f(lambda *a: x(x)(*a)))
fib = Y(lambda self: lambda n: n if n < 2 else self(n - 1) + self(n - 2))
print([fib(i) for i in range(12)])

# Lambda returning tuples, yield in lambda
pair = lambda: (1, 2)
print(pair())
gen_lam = lambda: (yield 5)
g = gen_lam()
print(type(g).__name__, next(g))

print((lambda: None)() is None)
print(repr((lambda: 0).__code__.co_name))

# Keyword-only lambda
kwo = lambda *, key="default": key
print(kwo(), kwo(key="given"))

# Lambda default capturing mutable object
counter = lambda c=[0]: c.__setitem__(0, c[0] + 1) or c[0]
print(counter(), counter(), counter())

funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
