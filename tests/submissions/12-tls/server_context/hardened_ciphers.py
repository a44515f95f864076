# expect: correct
# why: a hardened context: TLS 1.2 minimum stated with keywords, forward-secret AEAD ciphers only for TLS 1.2, no compression
def server_context(certfile: str, keyfile: str) -> ssl.SSLContext:
    context = ssl.SSLContext(protocol=ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certfile=certfile, keyfile=keyfile)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.maximum_version = ssl.TLSVersion.MAXIMUM_SUPPORTED
    context.set_ciphers("ECDHE+AESGCM:ECDHE+CHACHA20")
    context.options |= ssl.OP_NO_COMPRESSION
    return context
