# expect: wrong
# why: calls urlopen without a timeout, so it waits forever for a server that never answers
def get_json_urllib(url: str) -> object:
    with urllib.request.urlopen(url) as response:
        return json.load(response)
