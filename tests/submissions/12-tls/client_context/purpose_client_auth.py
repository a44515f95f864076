# expect: wrong
# why: reads Purpose.CLIENT_AUTH as "a context for a client": it makes a server context, which cannot connect to anybody
def client_context(cafile: str) -> ssl.SSLContext:
    return ssl.create_default_context(ssl.Purpose.CLIENT_AUTH, cafile=cafile)
