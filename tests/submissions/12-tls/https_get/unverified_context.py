# expect: wrong
# why: the classic answer to CERTIFICATE_VERIFY_FAILED: an unverified context
def https_get(url: str, cafile: str) -> bytes:
    context = ssl._create_unverified_context(cafile=cafile)
    with urllib.request.urlopen(url, context=context, timeout=10) as response:
        return response.read()
