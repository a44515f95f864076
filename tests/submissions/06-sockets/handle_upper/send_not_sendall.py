# expect: wrong
# why: answers each line with send(), which may send only part of a long answer and says so in its return value
def handle_upper(conn: socket.socket) -> None:
    pending = b""
    while data := conn.recv(4096):
        pending += data
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            conn.send(line.upper() + b"\n")
    if pending:
        conn.send(pending.upper())
