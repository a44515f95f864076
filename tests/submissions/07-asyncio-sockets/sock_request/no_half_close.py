# expect: wrong
# why: never half-closes its side, so a server that reads the request until its end waits for ever (and so does the client)
async def sock_request(host: str, port: int, payload: bytes) -> bytes:
    loop = asyncio.get_running_loop()
    with socket.socket() as sock:
        sock.setblocking(False)
        await loop.sock_connect(sock, (host, port))
        await loop.sock_sendall(sock, payload)
        answer = b""
        while True:
            data = await loop.sock_recv(sock, 4096)
            if not data:
                break
            answer += data
        return answer
