# expect: correct
# why: parses the parameters by hand (split at ';', partition at '=', strip spaces and quotes, compare names lower-cased, an empty value means UTF-8) and uses the bytes() constructor
def encode_body(text, content_type):
    charset = "utf-8"
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"') or "utf-8"
    return bytes(text, charset)
