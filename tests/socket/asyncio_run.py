"""asyncio on top of _socket: asyncio.run of a plain coroutine, then a
stream echo server on 127.0.0.1 (ephemeral port) and the loop's sock_*
calls over a socketpair — all in one thread, driven by the selector."""
import asyncio
import socket


async def simple():
    await asyncio.sleep(0)
    return 42


print(asyncio.run(simple()))


async def handle(reader, writer):
    line = await reader.readline()
    writer.write(line.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def echo():
    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection('127.0.0.1', port)
    writer.write(b'hello asyncio\n')
    await writer.drain()
    reply = await reader.readline()
    rest = await reader.read()
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    return reply, rest


print(asyncio.run(echo()))


async def pair():
    loop = asyncio.get_running_loop()
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    await loop.sock_sendall(a, b'over the loop')
    data = await loop.sock_recv(b, 100)
    a.close()
    b.close()
    return data


print(asyncio.run(pair()))


async def timeout():
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.01)
    except asyncio.TimeoutError as e:
        return type(e).__name__


print(asyncio.run(timeout()))
