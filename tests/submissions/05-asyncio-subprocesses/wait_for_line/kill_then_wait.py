# expect: wrong
# why: kills the program and then awaits wait(), which (on Python 3.11, 3.12 and 3.13 alike) returns only once the output pipe has reached its end: with unread output filling the pipe it hangs
async def wait_for_line(argv: list[str], needle: str, timeout: float) -> str:
    process = await asyncio.create_subprocess_exec(*argv, stdout=PIPE)
    try:
        async with asyncio.timeout(timeout):
            async for raw in process.stdout:
                line = raw.decode().rstrip("\n")
                if needle in line:
                    return line
        raise TimeoutError(needle)
    finally:
        process.kill()
        await process.wait()
