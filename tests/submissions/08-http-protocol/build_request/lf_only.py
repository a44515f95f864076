# expect: wrong
# why: ends every line in "\n" instead of "\r\n", which http.server lets pass but aiohttp rejects
def build_request(method, host, path, headers=None, body=b""):
    text = f"{method} {path} HTTP/1.1\nHost: {host}\n"
    for name, value in (headers or {}).items():
        text += f"{name}: {value}\n"
    if body:
        text += f"Content-Length: {len(body)}\n"
    return (text + "\n").encode() + body
