# expect: correct
# why: lets the session's connector keep at most `limit` connections (TCPConnector(limit=...)), so requests beyond wait for a free one
async def fetch_all(urls: list[str], limit: int) -> list[str]:
    connector = aiohttp.TCPConnector(limit=limit)
    async with aiohttp.ClientSession(connector=connector) as session:
        async def fetch(url):
            async with session.get(url) as response:
                return await response.text()
        return list(await asyncio.gather(*(fetch(url) for url in urls)))
