# expect: wrong
# why: awaits each request before sending the next, so only one is ever in flight whatever the limit
async def fetch_all(urls: list[str], limit: int) -> list[str]:
    results = []
    async with aiohttp.ClientSession() as session:
        for url in urls:
            async with session.get(url) as response:
                results.append(await response.text())
    return results
