# expect: wrong
# why: gives up quietly with b"" after the last retry instead of raising TimeoutError
def udp_ask(host: str, port: int, message: bytes, timeout: float, retries: int) -> bytes:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(timeout)
        for attempt in range(retries + 1):
            sock.sendto(message, (host, port))
            try:
                data, _ = sock.recvfrom(65535)
                return data
            except TimeoutError:
                pass
        return b""
