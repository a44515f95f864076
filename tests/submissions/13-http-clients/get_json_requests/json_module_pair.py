# expect: correct
# why: passes the timeout as a (connect, read) pair, raises for a status of 400 or more itself, and decodes the bytes with json.loads
import json as json_module


def get_json_requests(url: str, timeout: float) -> object:
    response = requests.request("GET", url, timeout=(timeout, timeout))
    if response.status_code >= 400:
        raise RuntimeError(f"{url} answered {response.status_code}")
    return json_module.loads(response.content)
