# expect: wrong
# why: sends the request with a single send, which may send only part of it and says so in its return value
def tcp_request(host: str, port: int, payload: bytes) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.connect((host, port))
    sock.send(payload)
    sock.shutdown(socket.SHUT_WR)
    answer = b""
    while True:
        data = sock.recv(4096)
        if not data:
            break
        answer += data
    sock.close()
    return answer
