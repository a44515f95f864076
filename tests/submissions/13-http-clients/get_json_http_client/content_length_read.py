# expect: wrong
# why: reads exactly Content-Length bytes, so a chunked answer (which has no Content-Length) fails
def get_json_http_client(host: str, port: int, path: str) -> object:
    conn = http.client.HTTPConnection(host, port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        if response.status >= 400:
            raise RuntimeError(f"HTTP {response.status}")
        length = int(response.getheader("Content-Length"))
        return json.loads(response.read(length))
    finally:
        conn.close()
