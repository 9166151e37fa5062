# Generators get their finalizer when first suspended where close() can run
# code: inside try/finally, with, except, or delegating to a non-generator.
# Finalizers run at some collection (Kiln's collector is conservative), so
# the messages are gathered and printed sorted at the end.
import gc

log = []


def plain():
    yield 1
    yield 2


def later_try():
    yield "outside"
    try:
        yield "inside"
    finally:
        log.append("later_try finally")


def with_block():
    class CM:
        def __enter__(self):
            return self

        def __exit__(self, *a):
            log.append("with exit " + a[0].__name__)
    with CM():
        yield 1


def catcher():
    try:
        yield 1
    except GeneratorExit:
        log.append("caught GeneratorExit")
        raise


class Closable:
    def __iter__(self):
        return self

    def __next__(self):
        return 7

    def close(self):
        log.append("Closable.close")


def delegating():
    yield from Closable()


def nested_inner():
    try:
        yield 1
    finally:
        log.append("inner finally")


def nested_outer():
    yield from nested_inner()


def run(make, steps):
    g = make()
    for _ in range(steps):
        print(make.__name__, next(g))
    del g


run(plain, 1)
run(later_try, 1)
run(later_try, 2)
run(with_block, 1)
run(catcher, 1)
run(delegating, 1)
run(nested_outer, 1)
for i in range(3):
    run(later_try, 2)
print(list(later_try()))
for _ in range(3):
    gc.collect()
print(sorted(log))
