# expect: wrong
# why: splits each field on ": " (colon and space), so a field sent as "Name:value" (the space is optional) is not understood
def parse_response(data):
    if b"\r\n\r\n" not in data:
        raise ValueError("no blank line after the head")
    head, rest = data.split(b"\r\n\r\n", 1)
    lines = head.decode("iso-8859-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    status, reason = int(parts[1]), parts[2] if len(parts) > 2 else ""
    headers = {}
    for line in lines[1:]:
        pieces = line.split(": ", 1)
        name = pieces[0].lower().rstrip(":")
        value = pieces[1].strip() if len(pieces) > 1 else ""
        headers[name] = headers[name] + ", " + value if name in headers else value
    if "content-length" in headers:
        length = int(headers["content-length"])
        if len(rest) < length:
            raise ValueError("body too short")
        rest = rest[:length]
    return status, reason, headers, rest
