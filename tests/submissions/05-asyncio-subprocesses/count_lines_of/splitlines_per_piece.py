# expect: wrong
# why: counts len(data.splitlines()) of every piece, so a line split across pieces counts twice and a last line without newline counts
class LineCounter(asyncio.SubprocessProtocol):
    def __init__(self):
        self.lines = 0
        self.done = asyncio.get_running_loop().create_future()

    def pipe_data_received(self, fd, data):
        if fd == 1:
            self.lines += len(data.splitlines())

    def connection_lost(self, exc):
        self.done.set_result(self.lines)


async def count_lines_of(argv: list[str]) -> int:
    loop = asyncio.get_running_loop()
    transport, counter = await loop.subprocess_exec(LineCounter, *argv, stdin=DEVNULL)
    try:
        return await counter.done
    finally:
        transport.close()
