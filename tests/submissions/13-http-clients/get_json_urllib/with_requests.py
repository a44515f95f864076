# expect: wrong
# why: uses requests instead of urllib.request
def get_json_urllib(url: str) -> object:
    response = requests.get(url, timeout=10)
    response.raise_for_status()
    return response.json()
