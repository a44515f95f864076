# expect: wrong
# why: leaves out the host, so the server listens on every network interface of the machine instead of only the one asked for
async def start_kv_server(host: str, port: int) -> asyncio.Server:
    loop = asyncio.get_running_loop()
    return await loop.create_server(KVProtocol, port=port)
