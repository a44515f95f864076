# expect: wrong
# why: connects with socket.create_connection (a blocking connect inside the event loop) and only then makes the socket non-blocking for sock_sendall and sock_recv
async def sock_request(host: str, port: int, payload: bytes) -> bytes:
    loop = asyncio.get_running_loop()
    with socket.create_connection((host, port)) as sock:
        sock.setblocking(False)
        await loop.sock_sendall(sock, payload)
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := await loop.sock_recv(sock, 4096):
            chunks.append(chunk)
    return b"".join(chunks)
