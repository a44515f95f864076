# expect: correct
# why: keeps a bytearray buffer, answers each line found with find(), one sendall per line
def handle_upper(conn: socket.socket) -> None:
    buffer = bytearray()
    while True:
        data = conn.recv(1000)
        if not data:
            break
        start = len(buffer)
        buffer += data
        while (end := buffer.find(b"\n", start)) != -1:
            conn.sendall(bytes(buffer[: end + 1]).upper())
            del buffer[: end + 1]
            start = 0
    if buffer:
        conn.sendall(bytes(buffer).upper())
