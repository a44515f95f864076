# expect: wrong
# why: takes line.split(":")[1] as the value, which cuts values that hold a colon (Date, Location)
def parse_response(data):
    head, _, rest = data.partition(b"\r\n\r\n")
    if not _:
        raise ValueError("incomplete head")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    _version, status, reason = status_line.split(" ", 2)
    headers = {}
    for line in lines:
        parts = line.split(":")
        name, value = parts[0].lower(), parts[1].strip()
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    if "content-length" in headers:
        length = int(headers["content-length"])
        if len(rest) < length:
            raise ValueError("short body")
        rest = rest[:length]
    return int(status), reason, headers, rest
