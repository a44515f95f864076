# expect: wrong
# why: verifies properly, but sends only the URL's path: the query string (?x=1) is lost on the way
def https_get(url: str, cafile: str) -> bytes:
    import urllib.parse
    parts = urllib.parse.urlsplit(url)
    context = ssl.create_default_context(cafile=cafile)
    connection = http.client.HTTPSConnection(parts.hostname, parts.port, context=context, timeout=10)
    try:
        connection.request("GET", parts.path or "/")
        return connection.getresponse().read()
    finally:
        connection.close()
