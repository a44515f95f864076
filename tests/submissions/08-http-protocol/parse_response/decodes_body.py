# expect: wrong
# why: decodes the whole response as UTF-8 text first, so the body comes back as str and binary bodies fail
def parse_response(data):
    text = data.decode("utf-8")
    head, sep, rest = text.partition("\r\n\r\n")
    if not sep:
        raise ValueError("incomplete head")
    status_line, *lines = head.split("\r\n")
    _version, status, reason = status_line.split(" ", 2)
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        name, value = name.lower(), value.strip()
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    if "content-length" in headers:
        length = int(headers["content-length"])
        if len(rest.encode()) < length:
            raise ValueError("short body")
        rest = rest.encode()[:length].decode()
    return int(status), reason, headers, rest
