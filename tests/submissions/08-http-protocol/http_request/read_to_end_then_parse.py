# expect: correct
# why: sends Connection: close, reads until the server closes, and only then splits the answer (HEAD: no body)
import socket


def http_request(host: str, port: int, method: str, path: str, body: bytes = b"") -> tuple[int, dict[str, str], bytes]:
    head_lines = [f"{method} {path} HTTP/1.1", f"Host: {host}:{port}", "Connection: close"]
    if body:
        head_lines.append(f"Content-Length: {len(body)}")
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.connect((host, port))
        sock.sendall(("\r\n".join(head_lines) + "\r\n\r\n").encode("ascii") + body)
        pieces = []
        while True:
            piece = sock.recv(4096)
            if piece == b"":
                break
            pieces.append(piece)
    finally:
        sock.close()
    data = b"".join(pieces)
    end = data.index(b"\r\n\r\n")
    status_line, *lines = data[:end].decode("latin-1").split("\r\n")
    headers: dict[str, str] = {}
    for line in lines:
        name, value = line.split(":", 1)
        key = name.lower()
        headers[key] = f"{headers[key]}, {value.strip()}" if key in headers else value.strip()
    if method.upper() == "HEAD":
        return int(status_line.split()[1]), headers, b""
    rest = data[end + 4:]
    if "content-length" in headers:
        rest = rest[:int(headers["content-length"])]
    return int(status_line.split()[1]), headers, rest
