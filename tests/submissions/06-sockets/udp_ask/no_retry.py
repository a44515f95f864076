# expect: wrong
# why: sends once and waits once: a lost datagram is never sent again
def udp_ask(host: str, port: int, message: bytes, timeout: float, retries: int) -> bytes:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(timeout)
        sock.sendto(message, (host, port))
        answer, _ = sock.recvfrom(65535)
        return answer
