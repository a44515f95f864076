# expect: wrong
# why: trusts only the system's CAs, not the one in cafile: the good server is refused too
def client_context(cafile: str) -> ssl.SSLContext:
    return ssl.create_default_context()
