# expect: wrong
# why: acquires the semaphore once around the whole gather, so it limits nothing: every request is in flight at once
async def fetch_all(urls: list[str], limit: int) -> list[str]:
    semaphore = asyncio.Semaphore(limit)
    async with aiohttp.ClientSession() as session:
        async def fetch(url):
            async with session.get(url) as response:
                return await response.text()
        async with semaphore:
            return await asyncio.gather(*(fetch(url) for url in urls))
