# expect: wrong
# why: never checks for the end of the output: at the end readline() returns b'' at once, again and again, so the loop spins without ever giving the event loop (and the timeout) a chance
async def wait_for_line(argv: list[str], needle: str, timeout: float) -> str:
    process = await asyncio.create_subprocess_exec(*argv, stdout=PIPE, start_new_session=True)
    try:
        async with asyncio.timeout(timeout):
            while True:
                line = (await process.stdout.readline()).decode().rstrip("\r\n")
                if needle in line:
                    return line
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        await process.communicate()
