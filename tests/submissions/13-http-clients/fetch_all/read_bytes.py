# expect: wrong
# why: returns the bodies as bytes (response.read()) instead of text
async def fetch_all(urls: list[str], limit: int) -> list[str]:
    semaphore = asyncio.Semaphore(limit)
    async with aiohttp.ClientSession() as session:
        async def fetch(url):
            async with semaphore:
                async with session.get(url) as response:
                    return await response.read()
        return list(await asyncio.gather(*(fetch(url) for url in urls)))
