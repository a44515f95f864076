# expect: correct
# why: iterates over the lines of a buffered file on the socket; the last, unterminated line comes out too
def handle_upper(conn):
    with conn.makefile("rb") as lines:
        for line in lines:
            conn.sendall(line.upper())
