# expect: wrong
# why: splits the status line on every space, so a reason like "Not Found" keeps only its first word
def parse_response(data):
    head, sep, rest = data.partition(b"\r\n\r\n")
    if not sep:
        raise ValueError("incomplete head")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    words = status_line.split()
    status, reason = int(words[1]), words[2] if len(words) > 2 else ""
    headers = {}
    for line in lines:
        name, _, value = line.partition(":")
        name, value = name.lower(), value.strip()
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    if "content-length" in headers:
        length = int(headers["content-length"])
        if len(rest) < length:
            raise ValueError("short body")
        rest = rest[:length]
    return status, reason, headers, rest
