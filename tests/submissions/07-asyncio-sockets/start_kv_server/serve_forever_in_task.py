# expect: correct
# why: starts serve_forever() in a task of its own and returns the server at once; closing the server ends that task
async def start_kv_server(host: str, port: int) -> asyncio.Server:
    server = await asyncio.get_running_loop().create_server(KVProtocol, host, port)
    asyncio.get_running_loop().create_task(server.serve_forever())
    return server
