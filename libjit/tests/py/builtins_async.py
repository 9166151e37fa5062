"""aiter() and anext(), with and without a default, driven by hand."""


class Counter:
    def __init__(self, n):
        self.i, self.n = 0, n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    raise RuntimeError("coroutine suspended")


async def main():
    it = aiter(Counter(2))
    print(await anext(it), await anext(it))
    print(await anext(it, "done"))
    try:
        await anext(it)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    out = []
    async for v in Counter(3):
        out.append(v)
    return out


print(run(main()))
a = anext(Counter(1), None)
print(type(a).__name__)
a.close()
try:
    anext(1)
except TypeError as e:
    print(e)
try:
    aiter(1)
except TypeError as e:
    print(e)
