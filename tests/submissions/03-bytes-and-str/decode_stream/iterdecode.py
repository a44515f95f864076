# expect: correct
# why: returns the standard library's codecs.iterdecode, a generator built on the same incremental decoder
import codecs


def decode_stream(chunks, encoding="utf-8"):
    return codecs.iterdecode(chunks, encoding)
