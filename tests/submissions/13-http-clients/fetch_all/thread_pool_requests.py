# expect: wrong
# why: runs blocking requests.get calls in a pool of `limit` threads instead of using aiohttp
async def fetch_all(urls: list[str], limit: int) -> list[str]:
    from concurrent.futures import ThreadPoolExecutor
    if not urls:
        return []
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=limit) as pool:
        answers = await asyncio.gather(*(loop.run_in_executor(pool, lambda u=url: requests.get(u, timeout=10)) for url in urls))
    return [answer.text for answer in answers]
