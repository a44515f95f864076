# expect: wrong
# why: collects the bodies with asyncio.as_completed, in the order the answers arrive, not the order of the URLs
async def fetch_all(urls: list[str], limit: int) -> list[str]:
    semaphore = asyncio.Semaphore(limit)
    async with aiohttp.ClientSession() as session:
        async def fetch(url):
            async with semaphore:
                async with session.get(url) as response:
                    return await response.text()
        return [await done for done in asyncio.as_completed([fetch(url) for url in urls])]
