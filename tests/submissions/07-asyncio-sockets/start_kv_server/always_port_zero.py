# expect: wrong
# why: always lets the system choose the port (0), whatever port it is given
async def start_kv_server(host: str, port: int) -> asyncio.Server:
    loop = asyncio.get_running_loop()
    return await loop.create_server(KVProtocol, host, 0)
