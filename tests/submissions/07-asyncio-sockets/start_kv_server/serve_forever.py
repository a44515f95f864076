# expect: wrong
# why: copies the script pattern and awaits server.serve_forever(), so it never returns the server
async def start_kv_server(host: str, port: int) -> asyncio.Server:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(KVProtocol, host, port)
    await server.serve_forever()
    return server
