# expect: wrong
# why: applies the old HTTP/1.1 rule (RFC 2616) that text/* without a charset is ISO-8859-1, instead of UTF-8
def encode_body(text: str, content_type: str) -> bytes:
    header = email.message.Message()
    header["Content-Type"] = content_type
    default = "iso-8859-1" if header.get_content_maintype() == "text" else "utf-8"
    return text.encode(header.get_content_charset() or default)
