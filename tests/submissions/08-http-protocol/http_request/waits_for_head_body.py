# expect: wrong
# why: always reads Content-Length bytes of body, also after a HEAD, whose answer has none: it waits for data that never comes
import socket


def http_request(host, port, method, path, body=b""):
    request = f"{method} {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n"
    if body:
        request += f"Content-Length: {len(body)}\r\n"
    with socket.create_connection((host, port)) as sock:
        sock.sendall(request.encode() + b"\r\n" + body)
        data = b""
        while b"\r\n\r\n" not in data:
            data += sock.recv(4096)
        head, _, rest = data.partition(b"\r\n\r\n")
        status_line, *lines = head.decode("latin-1").split("\r\n")
        headers = {}
        for line in lines:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        if "content-length" in headers:
            while len(rest) < int(headers["content-length"]):
                rest += sock.recv(4096)
        else:
            while chunk := sock.recv(4096):
                rest += chunk
    return int(status_line.split(" ")[1]), headers, rest
