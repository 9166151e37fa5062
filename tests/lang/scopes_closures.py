"""Closures: cells captured by inner functions, late binding, shared cells."""


def make_counter(start):
    count = start

    def bump(step=1):
        nonlocal count
        count += step
        return count
    return bump


c1 = make_counter(10)
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c1())


# Late binding: every lambda sees the final value of i.
late = [lambda: i for i in range(4)]
print([f() for f in late])

# Binding early with a default argument.
early = [lambda i=i: i for i in range(4)]
print([f() for f in early])


def shared_cell():
    value = 0

    def get():
        return value

    def put(v):
        nonlocal value
        value = v
    return get, put


get, put = shared_cell()
print(get())
put(42)
print(get())
put("changed")
print(get())


def three_levels():
    a = 1

    def middle():
        b = 2

        def inner():
            return a + b
        return inner
    return middle()


print(three_levels()())


def closure_cells_names():
    x = 1
    y = 2

    def f():
        return x + y
    return f


f = closure_cells_names()
print(f.__code__.co_freevars)
print([c.cell_contents for c in f.__closure__])
print(closure_cells_names.__code__.co_cellvars)


def unbound_free():
    def inner():
        return later
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    later = 5
    return inner()


print(unbound_free())


def loop_closures():
    funcs = []
    for name in ["a", "b", "c"]:
        def show(n=name):
            return n * 2
        funcs.append(show)
    return [g() for g in funcs]


print(loop_closures())


def accumulate():
    total = []

    def add(x):
        total.append(x)
        return sum(total)
    return add


acc = accumulate()
for v in (1, 2, 3, 4):
    print("acc", acc(v))


def deleted_cell():
    x = 10

    def g():
        return x
    del x
    try:
        g()
    except NameError as e:
        print(type(e).__name__, e)


deleted_cell()


def class_in_function():
    secret = "s3"

    class K:
        def reveal(self):
            return secret
    return K().reveal()


print(class_in_function())

# Generator expression capturing a local
def gen_capture():
    n = 3
    return list(x * n for x in range(4))


print(gen_capture())
print(make_counter.__code__.co_cellvars, c1.__code__.co_freevars)
