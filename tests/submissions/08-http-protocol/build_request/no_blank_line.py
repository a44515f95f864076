# expect: wrong
# why: joins the lines with CRLF but ends the head with a single CRLF, so there is no blank line before the body
def build_request(method, host, path, headers=None, body=b""):
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    if body:
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n").encode() + body
