# expect: correct
# why: one helper for any family: connects a socket of the given family, sendall, half-close, recv_into a growing buffer
def _exchange(family, address, payload):
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.connect(address)
        sock.sendall(payload)
        sock.shutdown(socket.SHUT_WR)
        answer = bytearray()
        chunk = bytearray(32768)
        while n := sock.recv_into(chunk):
            answer += chunk[:n]
        return bytes(answer)


def unix_echo(path: str, payload: bytes) -> bytes:
    return _exchange(socket.AF_UNIX, path, payload)
