# expect: wrong
# why: decodes each chunk on its own, which fails when a character's bytes are split between two chunks
def decode_stream(chunks: Iterable[bytes], encoding: str = "utf-8") -> Iterator[str]:
    for chunk in chunks:
        yield chunk.decode(encoding)
