# expect: wrong
# why: checks that the path exists first and returns b"" when it does not, instead of letting FileNotFoundError through
def unix_echo(path: str, payload: bytes) -> bytes:
    if not os.path.exists(path):
        return b""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.connect(path)
        sock.sendall(payload)
        sock.shutdown(socket.SHUT_WR)
        parts = []
        while data := sock.recv(65536):
            parts.append(data)
        return b"".join(parts)
