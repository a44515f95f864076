# expect: correct
# why: finds the blank line with index(), reads the fields (decoded as ISO-8859-1) with the email package's parser, as http.client does, and cuts the body by Content-Length
import email.parser


def parse_response(data: bytes) -> tuple[int, str, dict[str, str], bytes]:
    try:
        end = data.index(b"\r\n\r\n")
    except ValueError:
        raise ValueError("no blank line: the head is incomplete") from None
    status_line, _, fields = data[:end + 2].partition(b"\r\n")
    version, status, *reason = status_line.decode("latin-1").split(" ", 2)
    message = email.parser.HeaderParser().parsestr((fields + b"\r\n").decode("iso-8859-1"))
    headers: dict[str, str] = {}
    for name, value in message.items():
        key = name.lower()
        value = value.strip(" \t")
        headers[key] = value if key not in headers else headers[key] + ", " + value
    body = data[end + 4:]
    if "content-length" in headers:
        size = int(headers["content-length"])
        if len(body) < size:
            raise ValueError(f"expected {size} bytes of body, got {len(body)}")
        body = body[:size]
    return int(status), reason[0] if reason else "", headers, body
