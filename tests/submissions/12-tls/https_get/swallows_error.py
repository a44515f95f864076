# expect: wrong
# why: catches the verification error and returns an empty body, so the caller cannot tell an impostor from an empty page
def https_get(url: str, cafile: str) -> bytes:
    try:
        return requests.get(url, verify=cafile, timeout=10).content
    except requests.exceptions.SSLError:
        return b""
