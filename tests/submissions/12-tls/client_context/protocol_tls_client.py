# expect: correct
# why: PROTOCOL_TLS_CLIENT verifies by default; trusts only cafile (not the system's CAs)
def client_context(cafile: str) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.load_verify_locations(cafile=cafile)
    return context
