# expect: correct
# why: starts `limit` workers in a TaskGroup that take (index, url) pairs from a queue and store each body at its index
async def fetch_all(urls: list[str], limit: int) -> list[str]:
    queue = asyncio.Queue()
    for item in enumerate(urls):
        queue.put_nowait(item)
    results = [""] * len(urls)

    async def worker(session):
        while not queue.empty():
            index, url = queue.get_nowait()
            async with session.get(url) as response:
                results[index] = await response.text()

    async with aiohttp.ClientSession() as session:
        async with asyncio.TaskGroup() as group:
            for _ in range(min(limit, len(urls))):
                group.create_task(worker(session))
    return results
