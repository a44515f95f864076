# expect: wrong
# why: returns response.text, the JSON as a str, instead of decoding it with response.json()
def get_json_requests(url: str, timeout: float) -> object:
    response = requests.get(url, timeout=timeout)
    response.raise_for_status()
    return response.text
