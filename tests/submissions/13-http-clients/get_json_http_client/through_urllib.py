# expect: wrong
# why: builds a URL and uses urllib.request instead of http.client
def get_json_http_client(host: str, port: int, path: str) -> object:
    with urllib.request.urlopen(f"http://{host}:{port}{path}", timeout=10) as response:
        return json.load(response)
