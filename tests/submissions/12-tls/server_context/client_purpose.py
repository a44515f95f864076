# expect: wrong
# why: create_default_context() without Purpose.CLIENT_AUTH makes a client context, which cannot serve
def server_context(certfile: str, keyfile: str) -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(certfile, keyfile)
    return context
