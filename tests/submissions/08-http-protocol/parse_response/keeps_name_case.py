# expect: wrong
# why: keeps the names as the server wrote them, so 'Content-Length' and 'content-length' are different keys
def parse_response(data):
    head, sep, rest = data.partition(b"\r\n\r\n")
    if not sep:
        raise ValueError("incomplete head")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    _version, status, reason = status_line.split(" ", 2)
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        headers[name] = f"{headers[name]}, {value.strip()}" if name in headers else value.strip()
    length = next((int(v) for n, v in headers.items() if n.lower() == "content-length"), None)
    if length is not None:
        if len(rest) < length:
            raise ValueError("short body")
        rest = rest[:length]
    return int(status), reason, headers, rest
