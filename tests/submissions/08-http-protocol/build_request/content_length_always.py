# expect: wrong
# why: always sends Content-Length, also "Content-Length: 0" for a GET without a body, which the contract's "no other fields" rules out
def build_request(method, host, path, headers=None, body=b""):
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}"]
    for name, value in (headers or {}).items():
        lines.append(f"{name}: {value}")
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("ascii") + body
