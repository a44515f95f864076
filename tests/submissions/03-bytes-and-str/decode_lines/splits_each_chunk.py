# expect: wrong
# why: decodes incrementally but yields the lines of each chunk on its own, so a line split across chunks comes out in pieces
def decode_lines(chunks, encoding="utf-8"):
    decoder = codecs.getincrementaldecoder(encoding)()
    for chunk in chunks:
        yield from decoder.decode(chunk).splitlines(keepends=True)
    rest = decoder.decode(b"", final=True)
    if rest:
        yield rest
