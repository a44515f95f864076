# expect: wrong
# why: sends with a single send, which may send only part of a large request
def unix_echo(path: str, payload: bytes) -> bytes:
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.connect(path)
        sock.send(payload)
        sock.shutdown(socket.SHUT_WR)
        parts = []
        while data := sock.recv(65536):
            parts.append(data)
        return b"".join(parts)
