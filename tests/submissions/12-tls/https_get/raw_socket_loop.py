# expect: correct
# why: a raw socket wrapped by SSLContext.wrap_socket, HTTP/1.0 by hand, read until the server closes, the body cut after the blank line
def https_get(url: str, cafile: str) -> bytes:
    import urllib.parse
    parts = urllib.parse.urlsplit(url)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.load_verify_locations(cafile=cafile)
    with socket.create_connection((parts.hostname, parts.port or 443), timeout=10) as raw:
        with context.wrap_socket(raw, server_hostname=parts.hostname) as tls:
            target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            tls.sendall(f"GET {target} HTTP/1.0\r\nHost: {parts.netloc}\r\n\r\n".encode("ascii"))
            chunks = []
            while chunk := tls.recv(4096):
                chunks.append(chunk)
    head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    if status >= 400:
        raise OSError(f"HTTP status {status}")
    return body
