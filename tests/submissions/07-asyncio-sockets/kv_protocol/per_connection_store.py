# expect: wrong
# why: keeps the store on self, made in __init__, so every connection has a store of its own and sees no other connection's values
class KVProtocol(asyncio.Protocol):
    def __init__(self):
        self.store = {}
        self.buffer = b""

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.buffer += data
        while b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            parts = line.split(b" ", 2)
            if len(parts) == 3 and parts[0] == b"SET" and parts[1]:
                self.store[parts[1]] = parts[2]
                self.transport.write(b"OK\n")
            elif len(parts) == 2 and parts[0] == b"GET" and parts[1]:
                self.transport.write(self.store.get(parts[1], b"NONE") + b"\n")
            else:
                self.transport.write(b"ERROR\n")

    def connection_lost(self, exc):
        self.buffer = b""
