# expect: wrong
# why: answers every complete line of each piece but forgets what follows the last newline, so a command split across pieces is lost
class KVProtocol(asyncio.Protocol):
    store = {}

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        for line in data.split(b"\n")[:-1]:
            command, _, rest = line.partition(b" ")
            key, space, value = rest.partition(b" ")
            if command == b"SET" and key and space:
                self.store[key] = value
                self.transport.write(b"OK\n")
            elif command == b"GET" and key and not space:
                self.transport.write(self.store.get(key, b"NONE") + b"\n")
            else:
                self.transport.write(b"ERROR\n")

    def connection_lost(self, exc):
        pass
