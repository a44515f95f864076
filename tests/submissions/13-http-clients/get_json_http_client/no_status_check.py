# expect: wrong
# why: never looks at the status, so a 404 or 500 answer's JSON body comes back as if it were the data
def get_json_http_client(host: str, port: int, path: str) -> object:
    conn = http.client.HTTPConnection(host, port, timeout=10)
    conn.request("GET", path)
    data = json.loads(conn.getresponse().read())
    conn.close()
    return data
