# expect: wrong
# why: falls back to UTF-8 when the charset is unknown, so the body goes out in an encoding the header does not name
def encode_body(text: str, content_type: str) -> bytes:
    header = email.message.Message()
    header["Content-Type"] = content_type
    try:
        return text.encode(header.get_content_charset() or "utf-8")
    except LookupError:
        return text.encode("utf-8")
