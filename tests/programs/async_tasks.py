"""asyncio: tasks, gather, queues, timeouts, async generators and context managers."""
import asyncio
import contextlib


async def fetch(name, delay, log):
    log.append(f"start {name}")
    await asyncio.sleep(delay)
    log.append(f"end {name}")
    return name.upper()


async def ticker(n):
    for i in range(n):
        yield i
        await asyncio.sleep(0)


@contextlib.asynccontextmanager
async def resource(log):
    log.append("open")
    try:
        yield "res"
    finally:
        log.append("close")


async def producer(q):
    for i in range(5):
        await q.put(i)
    await q.put(None)


async def consumer(q, out):
    while (item := await q.get()) is not None:
        out.append(item * item)


async def main():
    log = []
    results = await asyncio.gather(fetch("a", 0.02, log), fetch("b", 0.01, log), fetch("c", 0, log))
    print(results, log)
    print([i async for i in ticker(4)])
    async with resource(log) as r:
        print(r, log[-1])
    print(log[-1])
    try:
        await asyncio.wait_for(asyncio.sleep(10), timeout=0.01)
    except asyncio.TimeoutError:
        print("timed out")
    q, out = asyncio.Queue(), []
    await asyncio.gather(producer(q), consumer(q, out))
    print(out)
    task = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled", task.cancelled())
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 42)
    print(await fut)
    r = await asyncio.gather(asyncio.sleep(0, "x"), fetch("z", 0, []), return_exceptions=True)
    print(r)
    return "done"


print(asyncio.run(main()))
