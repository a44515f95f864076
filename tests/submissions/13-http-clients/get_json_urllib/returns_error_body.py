# expect: wrong
# why: catches HTTPError and returns the error's JSON body, so a 404 or 500 looks like a success
def get_json_urllib(url: str) -> object:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        return json.load(error)
