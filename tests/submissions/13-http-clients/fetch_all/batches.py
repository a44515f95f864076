# expect: wrong
# why: sends the URLs in batches of `limit` with one gather per batch, so one slow answer holds back the whole next batch
async def fetch_all(urls: list[str], limit: int) -> list[str]:
    results = []
    async with aiohttp.ClientSession() as session:
        async def fetch(url):
            async with session.get(url) as response:
                return await response.text()
        for start in range(0, len(urls), limit):
            results += await asyncio.gather(*(fetch(url) for url in urls[start:start + limit]))
    return results
