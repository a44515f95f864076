# expect: wrong
# why: verifies, but returns requests' .text (a str), not the body's bytes
def https_get(url: str, cafile: str) -> bytes:
    response = requests.get(url, verify=cafile, timeout=10)
    response.raise_for_status()
    return response.text
