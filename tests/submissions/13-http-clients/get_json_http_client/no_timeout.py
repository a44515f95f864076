# expect: wrong
# why: opens the HTTPConnection without a timeout, so a server that accepts and never answers is waited for forever
def get_json_http_client(host: str, port: int, path: str) -> object:
    conn = http.client.HTTPConnection(host, port)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        body = response.read()
        if response.status >= 400:
            raise RuntimeError(f"HTTP {response.status}")
        return json.loads(body)
    finally:
        conn.close()
