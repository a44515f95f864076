# expect: correct
# why: builds the head as a bytearray of encoded pieces instead of formatting one string
def build_request(method: str, host: str, path: str, headers: dict | None = None, body: bytes = b"") -> bytes:
    fields = {"Host": host, **(headers or {})}
    if len(body) > 0:
        fields["Content-Length"] = str(len(body))
    out = bytearray(b" ".join([method.encode(), path.encode(), b"HTTP/1.1"]) + b"\r\n")
    for name, value in fields.items():
        out += name.encode("ascii") + b": " + value.encode("ascii") + b"\r\n"
    out += b"\r\n"
    out += body
    return bytes(out)
