# expect: wrong
# why: reads the answer with a single recv, which returns only what has arrived so far (one byte, from a server that dribbles)
def tcp_request(host: str, port: int, payload: bytes) -> bytes:
    with socket.create_connection((host, port)) as sock:
        sock.sendall(payload)
        sock.shutdown(socket.SHUT_WR)
        return sock.recv(1 << 20)
