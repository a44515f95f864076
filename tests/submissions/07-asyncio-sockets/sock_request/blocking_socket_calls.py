# expect: wrong
# why: notebook 06's tcp_request inside an async def: blocking socket calls that stop the event loop, and no loop.sock_* at all
async def sock_request(host: str, port: int, payload: bytes) -> bytes:
    with socket.create_connection((host, port)) as sock:
        sock.sendall(payload)
        sock.shutdown(socket.SHUT_WR)
        chunks = []
        while True:
            data = sock.recv(65536)
            if not data:
                break
            chunks.append(data)
    return b"".join(chunks)
