# expect: wrong
# why: decodes each chunk on its own with errors="replace", so a split character becomes U+FFFD and a cut-off end passes silently
def decode_stream(chunks: Iterable[bytes], encoding: str = "utf-8") -> Iterator[str]:
    for chunk in chunks:
        yield chunk.decode(encoding, errors="replace")
