# expect: wrong
# why: switches verification off "to make the error go away": every impostor is accepted
def client_context(cafile: str) -> ssl.SSLContext:
    context = ssl.create_default_context(cafile=cafile)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context
