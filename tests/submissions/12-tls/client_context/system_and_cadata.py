# expect: correct
# why: trusts the system's CAs and adds the one in cafile, read as text and passed as cadata
def client_context(cafile: str) -> ssl.SSLContext:
    context = ssl.create_default_context()
    with open(cafile, encoding="ascii") as pem:
        context.load_verify_locations(cadata=pem.read())
    return context
