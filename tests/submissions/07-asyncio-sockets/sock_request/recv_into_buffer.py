# expect: correct
# why: reads with loop.sock_recv_into into one reusable buffer, and closes the socket in a finally block
async def sock_request(host, port, payload):
    loop = asyncio.get_running_loop()
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setblocking(False)
    try:
        await loop.sock_connect(sock, (host, port))
        await loop.sock_sendall(sock, payload)
        sock.shutdown(socket.SHUT_WR)
        answer = bytearray()
        buffer = bytearray(8192)
        while True:
            count = await loop.sock_recv_into(sock, buffer)
            if count == 0:
                break
            answer += buffer[:count]
        return bytes(answer)
    finally:
        sock.close()
