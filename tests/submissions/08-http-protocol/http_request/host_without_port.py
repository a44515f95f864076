# expect: wrong
# why: reuses build_request with host alone, so the request says Host: 127.0.0.1 without the port the contract (and RFC 9110) asks for
import socket


def http_request(host, port, method, path, body=b""):
    request = build_request(method, host, path, {"Connection": "close"}, body)
    with socket.create_connection((host, port)) as sock:
        sock.sendall(request)
        data = b""
        while chunk := sock.recv(4096):
            data += chunk
    head = data[:data.index(b"\r\n\r\n") + 4]
    if method == "HEAD":
        status, _, headers, _ = parse_response(head + bytes(int(_length_of(head))))
        return status, headers, b""
    status, _, headers, body = parse_response(data)
    return status, headers, body


def _length_of(head):
    for line in head.split(b"\r\n"):
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return value.strip()
    return b"0"
