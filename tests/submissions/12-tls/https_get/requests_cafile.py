# expect: correct
# why: requests with verify=cafile
def https_get(url: str, cafile: str) -> bytes:
    response = requests.get(url, verify=cafile, timeout=10)
    response.raise_for_status()
    return response.content
