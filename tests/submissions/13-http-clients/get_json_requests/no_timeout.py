# expect: wrong
# why: does not pass the timeout on, so requests waits forever for a server that never answers
def get_json_requests(url: str, timeout: float) -> object:
    response = requests.get(url)
    response.raise_for_status()
    return response.json()
