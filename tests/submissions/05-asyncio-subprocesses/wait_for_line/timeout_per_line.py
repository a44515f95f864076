# expect: wrong
# why: puts the timeout around each readline, so a program that keeps printing other lines is waited for forever
async def wait_for_line(argv: list[str], needle: str, timeout: float) -> str:
    process = await asyncio.create_subprocess_exec(*argv, stdout=PIPE)
    try:
        while True:
            raw = await asyncio.wait_for(process.stdout.readline(), timeout)
            if not raw:
                raise TimeoutError(needle)
            line = raw.decode().rstrip("\n")
            if needle in line:
                return line
    finally:
        process.kill()
        await process.communicate()
