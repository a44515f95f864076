# expect: wrong
# why: decodes the head with .decode() (UTF-8) instead of ISO-8859-1, so a field value with a byte above 127 (café sent in latin-1) breaks
def parse_response(data):
    head, sep, rest = data.partition(b"\r\n\r\n")
    if not sep:
        raise ValueError("the head has no blank line")
    status_line, *lines = head.decode().split("\r\n")
    _version, status, reason = (status_line.split(" ", 2) + [""])[:3]
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        name, value = name.lower(), value.strip(" \t")
        headers[name] = headers[name] + ", " + value if name in headers else value
    if "content-length" in headers:
        length = int(headers["content-length"])
        if len(rest) < length:
            raise ValueError("the body is shorter than Content-Length")
        rest = rest[:length]
    return int(status), reason, headers, rest
