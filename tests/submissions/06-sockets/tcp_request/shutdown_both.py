# expect: wrong
# why: shuts down both directions (SHUT_RDWR) after sending, so its own recv returns b"" at once and the answer is never read
def tcp_request(host: str, port: int, payload: bytes) -> bytes:
    with socket.create_connection((host, port)) as sock:
        sock.sendall(payload)
        sock.shutdown(socket.SHUT_RDWR)
        parts = []
        while data := sock.recv(4096):
            parts.append(data)
        return b"".join(parts)
