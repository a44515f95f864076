# expect: wrong
# why: encodes with errors="replace", so characters the charset lacks go out as '?' instead of raising
def encode_body(text: str, content_type: str) -> bytes:
    header = email.message.Message()
    header["Content-Type"] = content_type
    return text.encode(header.get_content_charset() or "utf-8", errors="replace")
