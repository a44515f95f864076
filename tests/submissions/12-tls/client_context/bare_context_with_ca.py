# expect: wrong
# why: loads the CA into a bare SSLContext(PROTOCOL_TLS) from an old tutorial: its verify_mode is CERT_NONE, so the CA is never used
def client_context(cafile: str) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS)
    context.load_verify_locations(cafile)
    return context
