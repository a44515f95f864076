# expect: wrong
# why: counts attempts from 0 up to and including 1 + retries, so it sends one datagram more than allowed
def udp_ask(host: str, port: int, message: bytes, timeout: float, retries: int) -> bytes:
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.settimeout(timeout)
    attempt = 0
    try:
        while attempt <= retries + 1:
            sock.sendto(message, (host, port))
            try:
                data, _ = sock.recvfrom(65535)
                return data
            except TimeoutError:
                attempt += 1
        raise TimeoutError(f"no answer after {attempt} attempts")
    finally:
        sock.close()
