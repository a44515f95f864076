# expect: wrong
# why: reads at most 64 KiB of the body with a single read(65536), as if one read were the whole answer
def get_json_http_client(host: str, port: int, path: str) -> object:
    conn = http.client.HTTPConnection(host, port, timeout=10)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        if response.status >= 400:
            raise RuntimeError(f"HTTP {response.status}")
        return json.loads(response.read(65536))
    finally:
        conn.close()
