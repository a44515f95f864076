# expect: wrong
# why: lowers minimum_version to TLS 1.0 "for old clients"; only the security level of this OpenSSL build still refuses them, another build or configuration lets TLS 1.0 and 1.1 in
def server_context(certfile: str, keyfile: str) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1
    context.load_cert_chain(certfile, keyfile)
    return context
