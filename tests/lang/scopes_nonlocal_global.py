"""global and nonlocal declarations, UnboundLocalError, and module scope."""

counter = 0


def incr():
    global counter
    counter += 1
    return counter


incr()
incr()
print("counter", counter)


def make_global_here():
    global created_later
    created_later = "made in function"


make_global_here()
print(created_later)


def unbound_local():
    try:
        print(counter)
        counter = 5
    except UnboundLocalError as e:
        print(type(e).__name__, e)
        print(isinstance(e, NameError))


unbound_local()


def outer():
    x = "outer"

    def mid():
        nonlocal x
        x = "mid"

        def inner():
            nonlocal x
            x = "inner"
        inner()
        return x
    r = mid()
    return r, x


print(outer())


def global_shadow():
    counter = "local"

    def g():
        global counter
        return counter
    return counter, g()


print(global_shadow())


def nonlocal_in_loop():
    total = 0

    def add(n):
        nonlocal total
        total += n
    for i in range(5):
        add(i)
    return total


print(nonlocal_in_loop())

# Comprehension scope: the loop variable does not leak.
i = "module i"
squares = [i * i for i in range(3)]
print(squares, i)

# But the first iterable is evaluated in the enclosing scope.
data = [1, 2, 3]


def comp_scope():
    data = [10, 20]
    return [x for x in data]


print(comp_scope())


# Class scope is not visible to methods.
class C:
    attr = "class attr"

    def m(self):
        try:
            return attr
        except NameError as e:
            return type(e).__name__ + ": " + str(e)


print(C().m())


def del_global():
    global to_delete
    del to_delete


to_delete = 1
del_global()
print("to_delete" in globals())

try:
    del_global()
except NameError as e:
    print(type(e).__name__, e)


def locals_snapshot():
    a = 1
    b = 2
    d = locals()
    return sorted(d.items())


print(locals_snapshot())
print(incr.__globals__ is globals())


def nested_global():
    def inner():
        global counter
        counter = 100
    inner()


nested_global()
print(counter)
