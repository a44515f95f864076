# expect: wrong
# why: takes data.split(b"\r\n\r\n")[1] as the body, which loses everything after a CRLFCRLF inside the body
def parse_response(data):
    parts = data.split(b"\r\n\r\n")
    if len(parts) < 2:
        raise ValueError("incomplete head")
    head, body = parts[0], parts[1]
    status_line, *lines = head.decode("latin-1").split("\r\n")
    _version, status, reason = status_line.split(" ", 2)
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        name, value = name.lower(), value.strip()
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    if "content-length" in headers:
        length = int(headers["content-length"])
        if len(body) < length:
            raise ValueError("short body")
        body = body[:length]
    return int(status), reason, headers, body
