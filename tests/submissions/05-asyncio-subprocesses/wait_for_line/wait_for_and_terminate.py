# expect: correct
# why: wraps a readline loop in asyncio.wait_for (one limit for the whole search), terminates with SIGTERM and drains with communicate
import asyncio


async def wait_for_line(argv, needle, timeout):
    process = await asyncio.create_subprocess_exec(*argv, stdout=asyncio.subprocess.PIPE,
                                                   stdin=asyncio.subprocess.DEVNULL)

    async def search():
        while True:
            raw = await process.stdout.readline()
            if raw == b"":
                raise TimeoutError("no such line before the end of the output")
            text = raw.decode("utf-8")
            if text.endswith("\n"):
                text = text[:-1]
            if needle in text:
                return text

    try:
        return await asyncio.wait_for(search(), timeout)
    finally:
        try:
            process.terminate()
        except ProcessLookupError:
            pass
        await process.communicate()
