# expect: wrong
# why: holds back an unfinished UTF-8 sequence by looking at lead and continuation bytes, which is wrong for every other encoding
def decode_stream(chunks: Iterable[bytes], encoding: str = "utf-8") -> Iterator[str]:
    pending = b""
    for chunk in chunks:
        data = pending + chunk
        cut = len(data)
        for back in range(1, min(4, len(data)) + 1):
            byte = data[-back]
            if byte & 0xC0 == 0x80:
                continue  # a continuation byte: look further back for the lead byte
            if byte >= 0xC0:
                needed = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
                if needed > back:
                    cut = len(data) - back
            break
        pending = data[cut:]
        if cut:
            yield data[:cut].decode(encoding)
    if pending:
        yield pending.decode(encoding)
