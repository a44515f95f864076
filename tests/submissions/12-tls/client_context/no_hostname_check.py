# expect: wrong
# why: checks the issuer but not the host name: a certificate for another host passes
def client_context(cafile: str) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=cafile)
    context.check_hostname = False
    return context
