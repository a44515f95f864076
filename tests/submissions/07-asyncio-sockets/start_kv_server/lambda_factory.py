# expect: correct
# why: a lambda as the factory, keyword arguments, and asyncio.get_event_loop(), which gives the running loop inside a coroutine
async def start_kv_server(host, port):
    return await asyncio.get_event_loop().create_server(lambda: KVProtocol(), host=host, port=port)
