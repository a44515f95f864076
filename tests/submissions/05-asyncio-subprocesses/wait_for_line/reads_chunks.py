# expect: wrong
# why: searches each chunk that read() returns, so a line that arrives in pieces is missed or cut
async def wait_for_line(argv: list[str], needle: str, timeout: float) -> str:
    process = await asyncio.create_subprocess_exec(*argv, stdout=PIPE)
    try:
        async with asyncio.timeout(timeout):
            while chunk := await process.stdout.read(4096):
                for line in chunk.decode().splitlines():
                    if needle in line:
                        return line
        raise TimeoutError(needle)
    finally:
        process.kill()
        await process.communicate()
