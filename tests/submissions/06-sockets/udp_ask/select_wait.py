# expect: correct
# why: waits with select.select instead of a socket timeout, and raises its own TimeoutError at the end
import select


def udp_ask(host: str, port: int, message: bytes, timeout: float, retries: int) -> bytes:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        for _ in range(1 + retries):
            sock.sendto(message, (host, port))
            readable, _, _ = select.select([sock], [], [], timeout)
            if readable:
                return sock.recvfrom(65535)[0]
    raise TimeoutError(f"{host}:{port} did not answer {1 + retries} datagrams")
