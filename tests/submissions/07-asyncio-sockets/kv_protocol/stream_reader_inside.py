# expect: correct
# why: feeds every piece to an asyncio.StreamReader (with a limit high enough for long lines) and answers from a task that awaits readline(); a last line without its newline (the peer hung up) is dropped
class KVProtocol(asyncio.Protocol):
    store = {}

    def connection_made(self, transport):
        self.transport = transport
        self.reader = asyncio.StreamReader(limit=1 << 24)  # a line may be long: a value of megabytes
        self.task = asyncio.get_running_loop().create_task(self.serve())

    def data_received(self, data):
        self.reader.feed_data(data)

    def eof_received(self):
        self.reader.feed_eof()
        return True  # the task closes the transport once every line is answered

    def connection_lost(self, exc):
        if exc is None:
            self.reader.feed_eof()
        else:
            self.task.cancel()

    async def serve(self):
        while (line := await self.reader.readline()).endswith(b"\n"):
            words = line[:-1].split(b" ", 2)
            if len(words) == 3 and words[0] == b"SET" and words[1]:
                type(self).store[words[1]] = words[2]
                self.transport.write(b"OK\n")
            elif len(words) == 2 and words[0] == b"GET" and words[1]:
                self.transport.write(type(self).store.get(words[1], b"NONE") + b"\n")
            else:
                self.transport.write(b"ERROR\n")
        self.transport.close()
