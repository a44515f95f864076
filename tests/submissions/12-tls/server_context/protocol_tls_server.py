# expect: correct
# why: builds the context from PROTOCOL_TLS_SERVER instead of create_default_context
def server_context(certfile: str, keyfile: str) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = max(context.minimum_version, ssl.TLSVersion.TLSv1_2)
    context.load_cert_chain(certfile=certfile, keyfile=keyfile)
    return context
