# expect: correct
# why: talks to bc through loop.subprocess_exec and a protocol: writes with get_pipe_transport(0), collects complete answers (joining backslash-newline continuations) in a queue
class _BcAnswers(asyncio.SubprocessProtocol):
    def __init__(self):
        self.queue = asyncio.Queue()
        self.pending = b""
        self.exited = asyncio.get_running_loop().create_future()

    def pipe_data_received(self, fd, data):
        if fd != 1:
            return
        self.pending += data
        while b"\n" in self.pending:
            line, self.pending = self.pending.split(b"\n", 1)
            if line.endswith(b"\\"):
                self.pending = line[:-1] + self.pending  # the answer goes on
                if b"\n" not in self.pending:
                    break
                continue
            self.queue.put_nowait(line.decode())

    def pipe_connection_lost(self, fd, exc):
        if fd == 1:
            self.queue.put_nowait(None)

    def connection_lost(self, exc):
        if not self.exited.done():
            self.exited.set_result(None)


async def ask_bc(expressions: list[str], timeout: float) -> list[str]:
    for expression in expressions:
        if "\n" in expression or "\r" in expression:
            raise ValueError(f"not one line: {expression!r}")
    loop = asyncio.get_running_loop()
    transport, protocol = await loop.subprocess_exec(_BcAnswers, "bc", "-q", stderr=DEVNULL)
    stdin = transport.get_pipe_transport(0)
    answers = []
    try:
        for expression in expressions:
            stdin.write(expression.encode() + b"\n")
            answer = await asyncio.wait_for(protocol.queue.get(), timeout)
            if answer is None:
                raise EOFError(f"bc ended before it answered {expression!r}")
            answers.append(answer)
        stdin.close()
        await asyncio.wait_for(protocol.exited, timeout)
        return answers
    finally:
        if transport.get_returncode() is None:
            transport.kill()
            await protocol.exited
        transport.close()
