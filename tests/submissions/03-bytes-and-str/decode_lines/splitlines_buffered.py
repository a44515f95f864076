# expect: wrong
# why: keeps the unfinished end lazily, but cuts with str.splitlines, so \r, \x0c or \u2028 inside a line end it too early
def decode_lines(chunks, encoding="utf-8"):
    decoder = codecs.getincrementaldecoder(encoding)()
    pending = ""
    for chunk in chunks:
        pending += decoder.decode(chunk)
        lines = pending.splitlines(keepends=True)
        pending = lines.pop() if lines and not lines[-1].endswith("\n") else ""
        yield from lines
    pending += decoder.decode(b"", final=True)
    yield from pending.splitlines(keepends=True)
