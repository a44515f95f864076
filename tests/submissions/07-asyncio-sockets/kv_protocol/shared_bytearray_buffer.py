# expect: wrong
# why: puts the buffer on the class as a bytearray; `self.buffer += data` extends that one shared bytearray in place, so pieces from different connections get mixed
class KVProtocol(asyncio.Protocol):
    store = {}
    buffer = bytearray()

    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.buffer += data
        while (end := self.buffer.find(b"\n")) >= 0:
            line = bytes(self.buffer[:end])
            del self.buffer[:end + 1]
            command, _, rest = line.partition(b" ")
            key, space, value = rest.partition(b" ")
            if command == b"SET" and key and space:
                self.store[key] = value
                self.transport.write(b"OK\n")
            elif command == b"GET" and key and not space:
                self.transport.write(self.store.get(key, b"NONE") + b"\n")
            else:
                self.transport.write(b"ERROR\n")
