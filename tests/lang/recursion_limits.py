"""Deep recursion is a RecursionError, never a crash."""


def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(50))
print(len(str(fact(500))))


class R:
    def __repr__(self):
        return repr(self)


try:
    repr(R())
except RecursionError as e:
    print("RecursionError in repr")

nested = []
for _ in range(100000):
    nested = [nested]
try:
    s = repr(nested)
    print("repr ok", len(s))
except RecursionError:
    print("RecursionError in nested repr")


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print([fib(i) for i in range(15)])
