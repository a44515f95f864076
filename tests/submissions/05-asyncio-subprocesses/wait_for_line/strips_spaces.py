# expect: wrong
# why: strips the line with strip(), which also removes spaces and tabs the line itself has at either end
async def wait_for_line(argv: list[str], needle: str, timeout: float) -> str:
    process = await asyncio.create_subprocess_exec(*argv, stdout=PIPE)
    try:
        async with asyncio.timeout(timeout):
            async for raw in process.stdout:
                line = raw.decode().strip()
                if needle in line:
                    return line
        raise TimeoutError(needle)
    finally:
        process.kill()
        await process.communicate()
