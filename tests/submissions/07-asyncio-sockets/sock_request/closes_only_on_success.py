# expect: wrong
# why: closes the socket at the end, but not in a finally block or a with statement, so when connecting fails the socket is left open
async def sock_request(host: str, port: int, payload: bytes) -> bytes:
    loop = asyncio.get_running_loop()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    await loop.sock_connect(sock, (host, port))
    await loop.sock_sendall(sock, payload)
    sock.shutdown(socket.SHUT_WR)
    answer = b""
    while True:
        chunk = await loop.sock_recv(sock, 4096)
        if not chunk:
            break
        answer += chunk
    sock.close()
    return answer
