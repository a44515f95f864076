# expect: wrong
# why: stops reading as soon as sock_recv returns fewer bytes than it asked for, taking a short piece for the end of the answer
async def sock_request(host: str, port: int, payload: bytes) -> bytes:
    loop = asyncio.get_running_loop()
    with socket.socket() as sock:
        sock.setblocking(False)
        await loop.sock_connect(sock, (host, port))
        await loop.sock_sendall(sock, payload)
        sock.shutdown(socket.SHUT_WR)
        answer = b""
        while True:
            chunk = await loop.sock_recv(sock, 1024)
            answer += chunk
            if len(chunk) < 1024:
                break
    return answer
