"""with statement: __enter__/__exit__, suppression, nesting, exceptions."""


class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()

    def __exit__(self, typ, val, tb):
        print("exit", self.name, typ.__name__ if typ else None, val)
        return self.suppress


with CM("a") as v:
    print("body", v)

with CM("outer") as o, CM("inner") as i:
    print("both", o, i)

with CM("s", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")

try:
    with CM("p"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", repr(e))


def ret():
    with CM("r"):
        return "returned"


print(ret())

for k in range(3):
    with CM("loop%d" % k):
        if k == 1:
            continue
        if k == 2:
            break
        print("loop body", k)

try:
    with 42:
        pass
except TypeError as e:
    print("TypeError:", e)


class NoExit:
    def __enter__(self):
        return self


try:
    with NoExit():
        pass
except TypeError as e:
    print("TypeError:", e)
