# expect: wrong
# why: catches every OSError and returns b"", so a refused connection looks like an empty answer
def tcp_request(host: str, port: int, payload: bytes) -> bytes:
    try:
        with socket.create_connection((host, port)) as sock:
            sock.sendall(payload)
            sock.shutdown(socket.SHUT_WR)
            parts = []
            while data := sock.recv(65536):
                parts.append(data)
            return b"".join(parts)
    except OSError:
        return b""
