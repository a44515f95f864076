# expect: wrong
# why: uses urllib.request instead of requests, so a timeout raises TimeoutError, not requests.Timeout
def get_json_requests(url: str, timeout: float) -> object:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.load(response)
