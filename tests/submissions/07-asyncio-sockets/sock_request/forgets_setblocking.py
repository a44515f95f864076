# expect: wrong
# why: awaits the loop's sock_* methods but leaves the socket in blocking mode, so sock_recv waits inside the event loop
async def sock_request(host: str, port: int, payload: bytes) -> bytes:
    loop = asyncio.get_running_loop()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        await loop.sock_connect(sock, (host, port))
        await loop.sock_sendall(sock, payload)
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        while chunk := await loop.sock_recv(sock, 1024):
            chunks.append(chunk)
        return b"".join(chunks)
    finally:
        sock.close()
