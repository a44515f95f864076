# expect: wrong
# why: decodes the body as ISO-8859-1 (HTTP's old default for text), so UTF-8 text such as 'Zürich' comes back garbled
def get_json_urllib(url: str) -> object:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read().decode("latin-1"))
