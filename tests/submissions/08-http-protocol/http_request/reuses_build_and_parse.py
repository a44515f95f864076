# expect: correct
# why: builds the request with the notebook's build_request (Host with the port, Connection: close), reads until the server closes, and parses with parse_response; for a HEAD it hands parse_response a stand-in body of the announced length
import socket


def http_request(host: str, port: int, method: str, path: str, body: bytes = b"") -> tuple[int, dict[str, str], bytes]:
    request = build_request(method, f"{host}:{port}", path, {"Connection": "close"}, body)
    sock = socket.create_connection((host, port))
    try:
        sock.sendall(request)
        chunks = []
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        sock.close()
    data = b"".join(chunks)
    if method == "HEAD":
        head = data[:data.index(b"\r\n\r\n") + 4]
        announced = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                announced = int(value)
        status, _reason, headers, _ = parse_response(head + bytes(announced))
        return status, headers, b""
    status, _reason, headers, body = parse_response(data)
    return status, headers, body
