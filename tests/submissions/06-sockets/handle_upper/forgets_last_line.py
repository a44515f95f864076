# expect: wrong
# why: answers complete lines as they come, but drops an unterminated last line when the client closes
def handle_upper(conn: socket.socket) -> None:
    buffer = b""
    while data := conn.recv(4096):
        buffer += data
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            conn.sendall(line.upper() + b"\n")
