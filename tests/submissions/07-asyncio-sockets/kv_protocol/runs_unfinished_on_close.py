# expect: wrong
# why: carries out what is left in the buffer when the connection closes, as if the unfinished last line were a whole command
class KVProtocol(asyncio.Protocol):
    store = {}

    def __init__(self):
        self.buffer = b""

    def connection_made(self, transport):
        self.transport = transport

    def run(self, line):
        command, _, rest = line.partition(b" ")
        key, space, value = rest.partition(b" ")
        if command == b"SET" and key and space:
            self.store[key] = value
            return b"OK\n"
        if command == b"GET" and key and not space:
            return self.store.get(key, b"NONE") + b"\n"
        return b"ERROR\n"

    def data_received(self, data):
        *lines, self.buffer = (self.buffer + data).split(b"\n")
        for line in lines:
            self.transport.write(self.run(line))

    def connection_lost(self, exc):
        if self.buffer:
            self.run(self.buffer)  # the client may have forgotten the last newline
        self.buffer = b""
