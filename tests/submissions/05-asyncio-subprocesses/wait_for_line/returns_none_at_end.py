# expect: wrong
# why: when the output ends without the needle it falls off the end of the loop and returns None instead of raising
async def wait_for_line(argv: list[str], needle: str, timeout: float) -> str:
    process = await asyncio.create_subprocess_exec(*argv, stdout=PIPE)
    try:
        async with asyncio.timeout(timeout):
            async for raw in process.stdout:
                line = raw.decode().rstrip("\n")
                if needle in line:
                    return line
    finally:
        process.kill()
        await process.communicate()
