# expect: correct
# why: sends a urllib.request.Request with an Accept header and decodes the bytes with json.loads
from urllib.request import Request, urlopen


def get_json_urllib(url: str) -> object:
    request = Request(url, headers={"Accept": "application/json"})
    with urlopen(request, timeout=5) as response:
        return json.loads(response.read())
