# expect: wrong
# why: verifies first, and on a verification error "retries" without verification: every impostor gets through the second time
def https_get(url: str, cafile: str) -> bytes:
    context = ssl.create_default_context(cafile=cafile)
    try:
        with urllib.request.urlopen(url, context=context, timeout=10) as response:
            return response.read()
    except urllib.error.URLError as error:
        if not isinstance(error.reason, ssl.SSLCertVerificationError):
            raise
        with urllib.request.urlopen(url, context=ssl._create_unverified_context(), timeout=10) as response:
            return response.read()
