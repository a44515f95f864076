# expect: correct
# why: keeps the store in a module-level dict of str, decodes each whole line (surrogateescape keeps any bytes), and finds newlines in a bytearray
STORE = {}


class KVProtocol(asyncio.Protocol):
    """A key-value store served line by line."""

    def __init__(self):
        self.transport = None
        self.pending = bytearray()

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.pending += data
        while (end := self.pending.find(b"\n")) >= 0:
            line = self.pending[:end].decode("utf-8", "surrogateescape")
            del self.pending[:end + 1]
            self.transport.write(self.answer(line).encode("utf-8", "surrogateescape") + b"\n")

    def answer(self, line):
        command, _, rest = line.partition(" ")
        if command == "SET":
            key, space, value = rest.partition(" ")
            if key and space:
                STORE[key] = value
                return "OK"
        elif command == "GET" and rest and " " not in rest:
            return STORE.get(rest, "NONE")
        return "ERROR"

    def connection_lost(self, exc):
        self.pending.clear()
        self.transport = None
