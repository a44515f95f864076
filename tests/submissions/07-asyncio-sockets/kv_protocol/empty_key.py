# expect: wrong
# why: unpacks split(b" ", 2) and checks only how many parts there are, so an empty key (`GET ` with a space and nothing after it, `SET  value` with two spaces) is taken for a real key
class KVProtocol(asyncio.Protocol):
    store = {}

    def connection_made(self, transport):
        self.transport = transport
        self.buffer = b""

    def data_received(self, data):
        self.buffer += data
        while b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            parts = line.split(b" ", 2)
            if parts[0] == b"SET" and len(parts) == 3:
                self.store[parts[1]] = parts[2]
                self.transport.write(b"OK\n")
            elif parts[0] == b"GET" and len(parts) == 2:
                self.transport.write(self.store.get(parts[1], b"NONE") + b"\n")
            else:
                self.transport.write(b"ERROR\n")
