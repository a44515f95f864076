# expect: correct
# why: splits each line at most twice with split(b" ", 2) and uses the class's store through KVProtocol.store
class KVProtocol(asyncio.Protocol):
    store: dict[bytes, bytes] = {}

    def __init__(self):
        self.buffer = b""
        self.transport = None

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.buffer += data
        while True:
            line, newline, rest = self.buffer.partition(b"\n")
            if not newline:
                break
            self.buffer = rest
            parts = line.split(b" ", 2)
            if len(parts) == 3 and parts[0] == b"SET" and parts[1]:
                KVProtocol.store[parts[1]] = parts[2]
                reply = b"OK"
            elif len(parts) == 2 and parts[0] == b"GET" and parts[1]:
                reply = KVProtocol.store.get(parts[1], b"NONE")
            else:
                reply = b"ERROR"
            self.transport.write(reply + b"\n")

    def connection_lost(self, exc):
        self.transport = None
