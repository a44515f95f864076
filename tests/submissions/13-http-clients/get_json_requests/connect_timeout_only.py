# expect: wrong
# why: gives the timeout to connecting only (timeout=(timeout, None)), so a server that accepts and never answers is waited for forever
def get_json_requests(url: str, timeout: float) -> object:
    response = requests.get(url, timeout=(timeout, None))
    response.raise_for_status()
    return response.json()
