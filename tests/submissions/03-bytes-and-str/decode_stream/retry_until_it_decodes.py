# expect: wrong
# why: buffers bytes until buffer.decode() succeeds, then starts afresh, which loses the decoder's state (a UTF-16 byte-order mark, ISO-2022-JP escapes)
def decode_stream(chunks: Iterable[bytes], encoding: str = "utf-8") -> Iterator[str]:
    buffer = b""
    for chunk in chunks:
        buffer += chunk
        try:
            text = buffer.decode(encoding)
        except UnicodeDecodeError:
            continue  # wait for the rest of the character
        buffer = b""
        yield text
    if buffer:
        yield buffer.decode(encoding)
