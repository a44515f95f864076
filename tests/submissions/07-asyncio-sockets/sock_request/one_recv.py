# expect: wrong
# why: calls loop.sock_recv once and returns what it got, so an answer that arrives in pieces is cut short
async def sock_request(host: str, port: int, payload: bytes) -> bytes:
    loop = asyncio.get_running_loop()
    with socket.socket() as sock:
        sock.setblocking(False)
        await loop.sock_connect(sock, (host, port))
        await loop.sock_sendall(sock, payload)
        sock.shutdown(socket.SHUT_WR)
        return await loop.sock_recv(sock, 65536)
