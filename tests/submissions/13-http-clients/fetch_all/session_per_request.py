# expect: wrong
# why: opens a new ClientSession (a new pool of connections) for every request instead of one for all
async def fetch_all(urls: list[str], limit: int) -> list[str]:
    semaphore = asyncio.Semaphore(limit)

    async def fetch(url):
        async with semaphore:
            async with aiohttp.ClientSession() as session:
                async with session.get(url) as response:
                    return await response.text()

    return list(await asyncio.gather(*(fetch(url) for url in urls)))
