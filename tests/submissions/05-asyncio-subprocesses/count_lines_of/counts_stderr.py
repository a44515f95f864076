# expect: wrong
# why: keeps the default pipes and counts every piece of data without looking at fd, so standard error is counted too
class LineCounter(asyncio.SubprocessProtocol):
    def __init__(self):
        self.lines = 0
        self.done = asyncio.get_running_loop().create_future()

    def pipe_data_received(self, fd, data):
        self.lines += data.count(b"\n")

    def connection_lost(self, exc):
        self.done.set_result(self.lines)


async def count_lines_of(argv: list[str]) -> int:
    loop = asyncio.get_running_loop()
    transport, counter = await loop.subprocess_exec(LineCounter, *argv)
    try:
        return await counter.done
    finally:
        transport.close()
