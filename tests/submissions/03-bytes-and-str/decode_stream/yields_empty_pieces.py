# expect: correct
# why: drives the iterator by hand and yields every decoder result, empty strings included (allowed by the contract)
def decode_stream(chunks: Iterable[bytes], encoding: str = "utf-8") -> Iterator[str]:
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    source = iter(chunks)
    while True:
        chunk = next(source, None)
        if chunk is None:
            yield decoder.decode(b"", final=True)
            return
        yield decoder.decode(chunk)
