# expect: wrong
# why: reads every chunk before it yields anything, then cuts with str.splitlines, which also cuts at \r, \x0c, \u2028
def decode_lines(chunks, encoding="utf-8"):
    text = b"".join(chunks).decode(encoding)
    yield from text.splitlines(keepends=True)
