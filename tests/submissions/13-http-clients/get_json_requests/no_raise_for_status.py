# expect: wrong
# why: never calls raise_for_status, so a 404 or 500 answer's JSON body comes back as data
def get_json_requests(url: str, timeout: float) -> object:
    return requests.get(url, timeout=timeout).json()
