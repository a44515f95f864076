# expect: wrong
# why: builds the request in a bytearray and returns it as it is, not as bytes
def build_request(method, host, path, headers=None, body=b""):
    request = bytearray(f"{method} {path} HTTP/1.1\r\nHost: {host}\r\n".encode("ascii"))
    for name, value in (headers or {}).items():
        request += f"{name}: {value}\r\n".encode("ascii")
    if body:
        request += f"Content-Length: {len(body)}\r\n".encode("ascii")
    request += b"\r\n"
    request += body
    return request
