# expect: correct
# why: wraps a readline loop in asyncio.wait_for (one limit for the whole search), starts the program in a process group of its own (process_group=0), sends SIGTERM to the whole group and drains with communicate
import asyncio
import os
import signal


async def wait_for_line(argv, needle, timeout):
    process = await asyncio.create_subprocess_exec(*argv, stdout=asyncio.subprocess.PIPE,
                                                   stdin=asyncio.subprocess.DEVNULL, process_group=0)

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
            os.killpg(process.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        await process.communicate()
