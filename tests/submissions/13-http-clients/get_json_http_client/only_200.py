# expect: wrong
# why: treats every status but 200 as an error, so a 201 Created answer raises although it succeeded
def get_json_http_client(host: str, port: int, path: str) -> object:
    conn = http.client.HTTPConnection(host, port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        if response.status != 200:
            raise RuntimeError(f"HTTP {response.status}")
        return json.loads(response.read())
    finally:
        conn.close()
