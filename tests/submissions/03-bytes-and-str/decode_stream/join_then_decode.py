# expect: wrong
# why: collects every chunk and decodes once at the end: correct text, but nothing arrives before the input is over
def decode_stream(chunks: Iterable[bytes], encoding: str = "utf-8") -> Iterator[str]:
    yield b"".join(chunks).decode(encoding)
