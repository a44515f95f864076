# expect: correct
# why: builds on decode_stream and cuts the text with str.partition, keeping the unfinished end for the next piece
def decode_lines(chunks, encoding="utf-8"):
    pending = ""
    for text in decode_stream(chunks, encoding):
        pending += text
        while "\n" in pending:
            line, _, pending = pending.partition("\n")
            yield line + "\n"
    if pending:
        yield pending
