# expect: wrong
# why: does not send Connection: close but reads until the server closes, which an HTTP/1.1 server does not do by itself
import socket


def http_request(host, port, method, path, body=b""):
    request = f"{method} {path} HTTP/1.1\r\nHost: {host}:{port}\r\n"
    if body:
        request += f"Content-Length: {len(body)}\r\n"
    with socket.create_connection((host, port)) as sock:
        sock.sendall(request.encode() + b"\r\n" + body)
        data = b""
        while chunk := sock.recv(4096):
            data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if method == "HEAD":
        rest = b""
    elif "content-length" in headers:
        rest = rest[:int(headers["content-length"])]
    return int(status_line.split(" ")[1]), headers, rest
