# expect: wrong
# why: like the example in Python's documentation, it finishes when process_exited is called, before all the output has arrived
class LineCounter(asyncio.SubprocessProtocol):
    def __init__(self, exited):
        self.exited = exited
        self.lines = 0

    def pipe_data_received(self, fd, data):
        if fd == 1:
            self.lines += data.count(b"\n")

    def process_exited(self):
        self.exited.set_result(True)


async def count_lines_of(argv: list[str]) -> int:
    loop = asyncio.get_running_loop()
    exited = loop.create_future()
    transport, counter = await loop.subprocess_exec(lambda: LineCounter(exited), *argv, stdin=DEVNULL)
    await exited
    transport.close()
    return counter.lines
