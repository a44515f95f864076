# expect: wrong
# why: decodes lines as UTF-8 text and upper-cases the str: 'ß' becomes 'SS', 'ü' becomes 'Ü', binary bytes fail to decode
def handle_upper(conn: socket.socket) -> None:
    buffer = b""
    while data := conn.recv(4096):
        buffer += data
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            conn.sendall((line.decode().upper() + "\n").encode())
    if buffer:
        conn.sendall(buffer.decode().upper().encode())
