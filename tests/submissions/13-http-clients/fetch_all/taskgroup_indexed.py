# expect: correct
# why: a TaskGroup of one task per URL, each waiting on a shared semaphore and storing its text in a dict by index
async def fetch_all(urls: list[str], limit: int) -> list[str]:
    gate = asyncio.Semaphore(limit)
    texts = {}
    async with aiohttp.ClientSession() as session:
        async def one(index, url):
            async with gate, session.get(url) as response:
                texts[index] = await response.text()
        async with asyncio.TaskGroup() as group:
            for index, url in enumerate(urls):
                group.create_task(one(index, url))
    return [texts[index] for index in range(len(urls))]
