# expect: wrong
# why: decodes each chunk on its own with errors="ignore", so the bytes of a split character are dropped
def decode_stream(chunks: Iterable[bytes], encoding: str = "utf-8") -> Iterator[str]:
    for chunk in chunks:
        yield chunk.decode(encoding, "ignore")
