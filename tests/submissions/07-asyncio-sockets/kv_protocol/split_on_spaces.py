# expect: wrong
# why: splits the line on whitespace and joins the value's words with single spaces, so runs of spaces and a space at the end are lost
class KVProtocol(asyncio.Protocol):
    store = {}

    def __init__(self):
        self.buffer = b""

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.buffer += data
        while b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            words = line.split()
            if len(words) >= 3 and words[0] == b"SET":
                self.store[words[1]] = b" ".join(words[2:])
                self.transport.write(b"OK\n")
            elif len(words) == 2 and words[0] == b"GET":
                self.transport.write(self.store.get(words[1], b"NONE") + b"\n")
            else:
                self.transport.write(b"ERROR\n")

    def connection_lost(self, exc):
        self.buffer = b""
