# expect: wrong
# why: splits each recv result into lines on its own, so a line split across two pieces is answered as two lines
def handle_upper(conn: socket.socket) -> None:
    while data := conn.recv(4096):
        for line in data.splitlines(keepends=True):
            if not line.endswith(b"\n"):
                line += b"\n"
            conn.sendall(line.upper())
