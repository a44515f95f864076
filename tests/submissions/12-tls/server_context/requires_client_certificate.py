# expect: wrong
# why: "verifies" on the server side too: CERT_REQUIRED asks every client for a certificate, and browsers, curl and http.client have none
def server_context(certfile: str, keyfile: str) -> ssl.SSLContext:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.verify_mode = ssl.CERT_REQUIRED
    context.load_cert_chain(certfile, keyfile)
    return context
