# expect: wrong
# why: requests with verify=False: gets the body from any server, impostors included
def https_get(url: str, cafile: str) -> bytes:
    response = requests.get(url, verify=False, timeout=10)
    response.raise_for_status()
    return response.content
