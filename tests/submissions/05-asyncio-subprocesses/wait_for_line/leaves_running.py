# expect: wrong
# why: returns the line (or raises) without stopping the program, which goes on running
async def wait_for_line(argv: list[str], needle: str, timeout: float) -> str:
    process = await asyncio.create_subprocess_exec(*argv, stdout=PIPE)
    async with asyncio.timeout(timeout):
        async for raw in process.stdout:
            line = raw.decode().rstrip("\n")
            if needle in line:
                return line
    raise TimeoutError(needle)
