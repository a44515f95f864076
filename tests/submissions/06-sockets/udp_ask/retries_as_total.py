# expect: wrong
# why: sends `retries` datagrams in all instead of 1 + retries (the first send is not a retry)
def udp_ask(host: str, port: int, message: bytes, timeout: float, retries: int) -> bytes:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(timeout)
        for attempt in range(retries):
            sock.sendto(message, (host, port))
            try:
                return sock.recvfrom(65535)[0]
            except socket.timeout:
                continue
    raise TimeoutError("no answer")
