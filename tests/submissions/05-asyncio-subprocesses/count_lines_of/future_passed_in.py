# expect: correct
# why: gets its future from the caller, counts newlines byte by byte, and keeps stderr as a pipe but ignores fd 2
import asyncio
import functools


class LineCounter(asyncio.SubprocessProtocol):
    def __init__(self, finished: asyncio.Future):
        self.finished = finished
        self.count = 0

    def pipe_data_received(self, fd, data):
        if fd != 1:
            return
        for byte in data:
            if byte == 0x0A:
                self.count += 1

    def connection_lost(self, exc):
        if exc is not None:
            self.finished.set_exception(exc)
        else:
            self.finished.set_result(self.count)


async def count_lines_of(argv):
    loop = asyncio.get_running_loop()
    finished = loop.create_future()
    transport, _ = await loop.subprocess_exec(functools.partial(LineCounter, finished), *argv,
                                              stdin=asyncio.subprocess.DEVNULL)
    try:
        return await finished
    finally:
        transport.close()
