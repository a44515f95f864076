# expect: correct
# why: reads the answer through a buffered file (makefile("rb").read() reads until the end of the stream)
def tcp_request(host: str, port: int, payload: bytes) -> bytes:
    with socket.create_connection((host, port)) as sock:
        sock.sendall(payload)
        sock.shutdown(socket.SHUT_WR)
        with sock.makefile("rb") as answer:
            return answer.read()
