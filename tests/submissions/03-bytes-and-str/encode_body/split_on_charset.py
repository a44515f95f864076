# expect: wrong
# why: cuts the header at "charset=", which misses CHARSET=, quoted values, spaces around '=' and parameters after the charset
def encode_body(text: str, content_type: str) -> bytes:
    if "charset=" in content_type:
        return text.encode(content_type.split("charset=")[1])
    return text.encode("utf-8")
