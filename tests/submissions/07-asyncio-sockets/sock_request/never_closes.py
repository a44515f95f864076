# expect: wrong
# why: reads the whole answer but never closes the socket, leaving that to the garbage collector (Python warns: ResourceWarning)
async def sock_request(host: str, port: int, payload: bytes) -> bytes:
    loop = asyncio.get_running_loop()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    await loop.sock_connect(sock, (host, port))
    await loop.sock_sendall(sock, payload)
    sock.shutdown(socket.SHUT_WR)
    answer = b""
    while True:
        data = await loop.sock_recv(sock, 4096)
        if not data:
            return answer
        answer += data
