# expect: wrong
# why: starts serving inside `async with server:`, which closes the server at the end of the block, before it is returned
async def start_kv_server(host: str, port: int) -> asyncio.Server:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(KVProtocol, host, port)
    async with server:
        await server.start_serving()
    return server
