# expect: wrong
# why: hands loop.create_server one protocol object instead of the class, so no connection gets a protocol of its own (calling the object fails)
async def start_kv_server(host: str, port: int) -> asyncio.Server:
    loop = asyncio.get_running_loop()
    return await loop.create_server(KVProtocol(), host, port)
