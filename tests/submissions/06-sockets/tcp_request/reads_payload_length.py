# expect: wrong
# why: reads exactly as many bytes as it sent, as if every server were an echo server
def tcp_request(host: str, port: int, payload: bytes) -> bytes:
    with socket.create_connection((host, port)) as sock:
        sock.sendall(payload)
        sock.shutdown(socket.SHUT_WR)
        answer = b""
        while len(answer) < len(payload):
            data = sock.recv(len(payload) - len(answer))
            if not data:
                break
            answer += data
        return answer
