# expect: wrong
# why: gathers every request at once and ignores the limit
async def fetch_all(urls: list[str], limit: int) -> list[str]:
    async with aiohttp.ClientSession() as session:
        async def fetch(url):
            async with session.get(url) as response:
                return await response.text()
        return await asyncio.gather(*(fetch(url) for url in urls))
