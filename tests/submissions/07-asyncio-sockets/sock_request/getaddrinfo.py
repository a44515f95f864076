# expect: correct
# why: finds the address with loop.getaddrinfo, makes the socket non-blocking with settimeout(0), and reads small pieces into a list
async def sock_request(host: str, port: int, payload: bytes) -> bytes:
    loop = asyncio.get_running_loop()
    family, kind, proto, _, address = (await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM))[0]
    with socket.socket(family, kind, proto) as sock:
        sock.settimeout(0)
        await loop.sock_connect(sock, address)
        await loop.sock_sendall(sock, payload)
        sock.shutdown(socket.SHUT_WR)
        parts = []
        while True:
            part = await loop.sock_recv(sock, 1000)
            if part == b"":
                return b"".join(parts)
            parts.append(part)
