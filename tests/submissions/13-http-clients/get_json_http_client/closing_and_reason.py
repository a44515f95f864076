# expect: correct
# why: closes the connection with contextlib.closing, decodes the body as UTF-8 text first, and raises RuntimeError for 4xx and 5xx
from contextlib import closing
from http.client import HTTPConnection


def get_json_http_client(host: str, port: int, path: str) -> object:
    with closing(HTTPConnection(host, port, timeout=5)) as connection:
        connection.request("GET", path, headers={"Accept": "application/json"})
        response = connection.getresponse()
        text = response.read().decode("utf-8")
        if response.status // 100 in (4, 5):
            raise RuntimeError(f"{response.status} {response.reason}: {text[:100]}")
        return json.loads(text)
