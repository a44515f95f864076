# expect: wrong
# why: switches the host name check off because the URL holds an IP address: wrong-host certificates pass
def https_get(url: str, cafile: str) -> bytes:
    context = ssl.create_default_context(cafile=cafile)
    context.check_hostname = False
    with urllib.request.urlopen(url, context=context, timeout=10) as response:
        return response.read()
