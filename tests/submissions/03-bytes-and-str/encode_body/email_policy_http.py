# expect: correct
# why: parses the header with the modern email API (EmailMessage with the HTTP policy) and checks the codec with codecs.lookup first
import codecs
import email.message
import email.policy


def encode_body(text: str, content_type: str) -> bytes:
    message = email.message.EmailMessage(policy=email.policy.HTTP)
    message["Content-Type"] = content_type
    codec = codecs.lookup(message.get_content_charset("utf-8"))
    return text.encode(codec.name)
