# expect: wrong
# why: ignores the timeout it is given and always waits up to 2 seconds, so a caller who asks for 0.3 s waits longer
def get_json_requests(url: str, timeout: float) -> object:
    response = requests.get(url, timeout=2)
    response.raise_for_status()
    return response.json()
