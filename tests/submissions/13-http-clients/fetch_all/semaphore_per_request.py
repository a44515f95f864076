# expect: wrong
# why: creates a new Semaphore(limit) inside each request's coroutine, so every request has its own and nothing is limited
async def fetch_all(urls: list[str], limit: int) -> list[str]:
    async with aiohttp.ClientSession() as session:
        async def fetch(url):
            async with asyncio.Semaphore(limit):
                async with session.get(url) as response:
                    return await response.text()
        return list(await asyncio.gather(*(fetch(url) for url in urls)))
