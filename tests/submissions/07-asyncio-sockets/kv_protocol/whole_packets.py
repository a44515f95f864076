# expect: wrong
# why: treats every piece data_received gets as one whole command, so a command in pieces, or two in one piece, gets wrong answers
class KVProtocol(asyncio.Protocol):
    store = {}

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        command, _, rest = data.rstrip(b"\n").partition(b" ")
        key, space, value = rest.partition(b" ")
        if command == b"SET" and key and space:
            KVProtocol.store[key] = value
            self.transport.write(b"OK\n")
        elif command == b"GET" and key and not space:
            self.transport.write(KVProtocol.store.get(key, b"NONE") + b"\n")
        else:
            self.transport.write(b"ERROR\n")

    def connection_lost(self, exc):
        pass
