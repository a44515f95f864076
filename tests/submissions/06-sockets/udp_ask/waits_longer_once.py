# expect: wrong
# why: instead of resending, sends once and waits for the whole budget, (1 + retries) * timeout: a lost datagram is never replaced
def udp_ask(host: str, port: int, message: bytes, timeout: float, retries: int) -> bytes:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(timeout * (1 + retries))
        sock.sendto(message, (host, port))
        answer, _ = sock.recvfrom(65535)
        return answer
