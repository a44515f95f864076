# expect: wrong
# why: a raw TLS socket read with one recv: TLS hands over one record at a time, and http.server sends the head and the body in separate records
def https_get(url: str, cafile: str) -> bytes:
    import urllib.parse
    parts = urllib.parse.urlsplit(url)
    context = ssl.create_default_context(cafile=cafile)
    with socket.create_connection((parts.hostname, parts.port), timeout=10) as raw:
        with context.wrap_socket(raw, server_hostname=parts.hostname) as tls:
            target = parts.path + (f"?{parts.query}" if parts.query else "")
            tls.sendall(f"GET {target} HTTP/1.0\r\nHost: {parts.netloc}\r\n\r\n".encode())
            reply = tls.recv(65536)
    return reply.partition(b"\r\n\r\n")[2]
