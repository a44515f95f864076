# expect: wrong
# why: never half-closes, so the server waits for the end of the request while the client waits for the answer
def tcp_request(host: str, port: int, payload: bytes) -> bytes:
    with socket.create_connection((host, port)) as sock:
        sock.sendall(payload)
        parts = []
        while data := sock.recv(4096):
            parts.append(data)
        return b"".join(parts)
