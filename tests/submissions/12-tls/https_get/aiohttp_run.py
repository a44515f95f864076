# expect: correct
# why: aiohttp with ssl=context, run to completion with asyncio.run inside the blocking function
def https_get(url: str, cafile: str) -> bytes:
    import asyncio

    async def get() -> bytes:
        context = ssl.create_default_context(cafile=cafile)
        timeout = aiohttp.ClientTimeout(total=10)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            async with session.get(url, ssl=context) as response:
                response.raise_for_status()
                return await response.read()

    return asyncio.run(get())
