# expect: wrong
# why: decodes every piece as UTF-8 as soon as it arrives and buffers text, so a character whose bytes are split between two pieces (or a value that is not UTF-8) breaks the connection
class KVProtocol(asyncio.Protocol):
    store = {}

    def connection_made(self, transport):
        self.transport = transport
        self.buffer = ""

    def data_received(self, data):
        self.buffer += data.decode("utf-8")
        *lines, self.buffer = self.buffer.split("\n")
        for line in lines:
            parts = line.split(" ", 2)
            if len(parts) == 3 and parts[0] == "SET" and parts[1]:
                self.store[parts[1]] = parts[2]
                answer = "OK"
            elif len(parts) == 2 and parts[0] == "GET" and parts[1]:
                answer = self.store.get(parts[1], "NONE")
            else:
                answer = "ERROR"
            self.transport.write((answer + "\n").encode("utf-8"))
