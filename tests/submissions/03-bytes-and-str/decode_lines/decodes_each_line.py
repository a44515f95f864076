# expect: wrong
# why: cuts the bytes at b"\n" and decodes each line on its own: fine for UTF-8, wrong for UTF-16, where a newline is two bytes and the byte-order mark comes only once
def decode_lines(chunks, encoding="utf-8"):
    buffer = b""
    for chunk in chunks:
        buffer += chunk
        while b"\n" in buffer:
            line, _, buffer = buffer.partition(b"\n")
            yield (line + b"\n").decode(encoding)
    if buffer:
        yield buffer.decode(encoding)
