# expect: correct
# why: creates the server with start_serving=False and starts it explicitly with await server.start_serving()
async def start_kv_server(host: str, port: int) -> asyncio.Server:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(KVProtocol, host, port, start_serving=False, backlog=128)
    await server.start_serving()
    return server
