# expect: wrong
# why: upper-cases and sends back each piece as it comes, answering lines before they are complete
def handle_upper(conn: socket.socket) -> None:
    while True:
        data = conn.recv(1024)
        if not data:
            return
        conn.sendall(data.upper())
