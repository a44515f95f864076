# expect: wrong
# why: a working client, but with asyncio streams (open_connection) instead of a socket and the loop's sock_* methods the task asks for
async def sock_request(host: str, port: int, payload: bytes) -> bytes:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        writer.write(payload)
        await writer.drain()
        writer.write_eof()
        return await reader.read()
    finally:
        writer.close()
        await writer.wait_closed()
