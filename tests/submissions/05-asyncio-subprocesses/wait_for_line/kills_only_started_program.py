# expect: wrong
# why: kills only the program it started: a shell's own program (sh -c "program; ...") keeps running and holds the output pipe, so communicate() waits for an end that never comes
async def wait_for_line(argv: list[str], needle: str, timeout: float) -> str:
    process = await asyncio.create_subprocess_exec(*argv, stdout=PIPE)
    try:
        async with asyncio.timeout(timeout):
            async for raw in process.stdout:
                line = raw.decode().rstrip("\r\n")
                if needle in line:
                    return line
        raise TimeoutError(f"the output ended without a line that contains {needle!r}")
    finally:
        if process.returncode is None:
            try:
                process.kill()
            except ProcessLookupError:
                pass
        await process.communicate()
