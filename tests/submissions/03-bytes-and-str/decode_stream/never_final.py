# expect: wrong
# why: uses an incremental decoder but never calls decode(b"", final=True), so a cut-off character at the end is dropped silently
def decode_stream(chunks: Iterable[bytes], encoding: str = "utf-8") -> Iterator[str]:
    decoder = codecs.getincrementaldecoder(encoding)()
    for chunk in chunks:
        text = decoder.decode(chunk)
        if text:
            yield text
