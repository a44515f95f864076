# expect: wrong
# why: always takes the rest of the data as the body, so a second response that follows ends up in it
def parse_response(data):
    head, sep, body = data.partition(b"\r\n\r\n")
    if not sep:
        raise ValueError("incomplete head")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    _version, status, reason = status_line.split(" ", 2)
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        name, value = name.lower(), value.strip()
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    if len(body) < int(headers.get("content-length", 0)):
        raise ValueError("short body")
    return int(status), reason, headers, body
