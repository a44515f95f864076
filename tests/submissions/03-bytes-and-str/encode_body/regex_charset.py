# expect: wrong
# why: finds the charset with a regular expression that allows no spaces around '=' and also matches a parameter like original-charset=
import re


def encode_body(text: str, content_type: str) -> bytes:
    match = re.search(r'charset="?([\w-]+)"?', content_type, re.IGNORECASE)
    return text.encode(match.group(1) if match else "utf-8")
