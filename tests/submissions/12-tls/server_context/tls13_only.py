# expect: wrong
# why: "only the newest is safe": raises the minimum to TLS 1.3, so clients that speak TLS 1.2 only are turned away
def server_context(certfile: str, keyfile: str) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_3
    context.load_cert_chain(certfile, keyfile)
    return context
