# expect: wrong
# why: reads until the client closes, then answers all the lines at once: a client that waits for each answer never gets one
def handle_upper(conn: socket.socket) -> None:
    received = b""
    while True:
        data = conn.recv(4096)
        if not data:
            break
        received += data
    conn.sendall(received.upper())
