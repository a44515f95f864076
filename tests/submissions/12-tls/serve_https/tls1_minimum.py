# expect: wrong
# why: lowers minimum_version to TLS 1.0 "for old clients"; only this OpenSSL build's security level still refuses them
def serve_https(handler_class, certfile: str, keyfile: str) -> tuple[HTTPServer, int]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1
    context.load_cert_chain(certfile, keyfile)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]
