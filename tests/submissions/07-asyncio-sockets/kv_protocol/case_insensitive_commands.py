# expect: wrong
# why: upper-cases the command word to be friendly, so `set` and `get` work too, where the contract says the words are exactly SET and GET
class KVProtocol(asyncio.Protocol):
    store = {}

    def connection_made(self, transport):
        self.transport = transport
        self.buffer = b""

    def data_received(self, data):
        self.buffer += data
        while b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            command, _, rest = line.partition(b" ")
            command = command.upper()
            key, space, value = rest.partition(b" ")
            if command == b"SET" and key and space:
                self.store[key] = value
                self.transport.write(b"OK\n")
            elif command == b"GET" and key and not space:
                self.transport.write(self.store.get(key, b"NONE") + b"\n")
            else:
                self.transport.write(b"ERROR\n")
