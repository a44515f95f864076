# expect: wrong
# why: strips every line (to be safe from \r), which also strips the spaces at the end of a value, and turns an empty value into an error
class KVProtocol(asyncio.Protocol):
    store = {}

    def __init__(self):
        self.pending = b""

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        lines = (self.pending + data).split(b"\n")
        self.pending = lines.pop()
        for line in lines:
            parts = line.strip().split(b" ", 2)
            if parts[0] == b"SET" and len(parts) == 3:
                self.store[parts[1]] = parts[2]
                self.transport.write(b"OK\n")
            elif parts[0] == b"GET" and len(parts) == 2:
                self.transport.write(self.store.get(parts[1], b"NONE") + b"\n")
            else:
                self.transport.write(b"ERROR\n")

    def connection_lost(self, exc):
        self.pending = b""
