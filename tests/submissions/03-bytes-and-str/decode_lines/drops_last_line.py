# expect: wrong
# why: yields only lines that end in a newline: text after the last newline is lost
def decode_lines(chunks, encoding="utf-8"):
    decoder = codecs.getincrementaldecoder(encoding)()
    pending = ""
    for chunk in chunks:
        pending += decoder.decode(chunk)
        while "\n" in pending:
            line, _, pending = pending.partition("\n")
            yield line + "\n"
    decoder.decode(b"", final=True)
