# expect: wrong
# why: stops reading as soon as a recv returns less than the buffer size, taking a short read for the end of the answer
def tcp_request(host: str, port: int, payload: bytes) -> bytes:
    with socket.create_connection((host, port)) as sock:
        sock.sendall(payload)
        sock.shutdown(socket.SHUT_WR)
        answer = b""
        while True:
            data = sock.recv(4096)
            answer += data
            if len(data) < 4096:
                return answer
