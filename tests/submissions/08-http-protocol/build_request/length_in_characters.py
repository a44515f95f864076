# expect: wrong
# why: builds the whole request as text, so Content-Length counts characters and non-ASCII or binary bodies break
def build_request(method, host, path, headers=None, body=b""):
    text = body.decode("utf-8", errors="replace")
    lines = [f"{method} {path} HTTP/1.1", f"Host: {host}"]
    lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
    if text:
        lines.append(f"Content-Length: {len(text)}")
    return ("\r\n".join(lines) + "\r\n\r\n" + text).encode()
