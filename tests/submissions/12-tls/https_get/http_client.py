# expect: correct
# why: http.client.HTTPSConnection with a verifying context, the URL split by urllib.parse
def https_get(url: str, cafile: str) -> bytes:
    import urllib.parse
    parts = urllib.parse.urlsplit(url)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.load_verify_locations(cafile)
    connection = http.client.HTTPSConnection(parts.hostname, parts.port or 443, context=context, timeout=10)
    try:
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else "") or "/")
        return connection.getresponse().read()
    finally:
        connection.close()
