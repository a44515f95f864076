# expect: wrong
# why: reads the answer with one recv, as if a response always arrived in one piece
import socket


def http_request(host, port, method, path, body=b""):
    request = f"{method} {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n"
    if body:
        request += f"Content-Length: {len(body)}\r\n"
    with socket.create_connection((host, port)) as sock:
        sock.sendall(request.encode() + b"\r\n" + body)
        data = sock.recv(1 << 20)
    head, _, rest = data.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if method == "HEAD":
        rest = b""
    return int(status_line.split(" ")[1]), headers, rest
