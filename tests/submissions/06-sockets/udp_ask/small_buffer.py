# expect: wrong
# why: receives with recvfrom(1024), which cuts a larger answer off (the rest of the datagram is discarded)
def udp_ask(host: str, port: int, message: bytes, timeout: float, retries: int) -> bytes:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(timeout)
        for attempt in range(retries + 1):
            sock.sendto(message, (host, port))
            try:
                data, _ = sock.recvfrom(1024)
                return data
            except TimeoutError:
                pass
        raise TimeoutError("no answer")
