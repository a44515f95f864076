# expect: wrong
# why: compares Content-Length with all the bytes received, head included, so it stops reading before the body is complete
import socket


def http_request(host, port, method, path, body=b""):
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}:{port}", "Connection: close"]
    if body:
        lines.append(f"Content-Length: {len(body)}")
    with socket.create_connection((host, port)) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode() + body)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                break
            data += chunk
        head, _, rest = data.partition(b"\r\n\r\n")
        status_line, *fields = head.decode("latin-1").split("\r\n")
        headers = {}
        for field in fields:
            name, _, value = field.partition(":")
            headers[name.strip().lower()] = value.strip()
        status = int(status_line.split()[1])
        if method == "HEAD":
            return status, headers, b""
        if "content-length" in headers:
            length = int(headers["content-length"])
            while len(data) < length:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                data += chunk
        else:
            while chunk := sock.recv(4096):
                data += chunk
        return status, headers, data.partition(b"\r\n\r\n")[2]
