# expect: wrong
# why: calls serve_forever() itself instead of in a thread: serve_https never returns
def serve_https(handler_class, certfile: str, keyfile: str) -> tuple[HTTPServer, int]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(certfile, keyfile)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    server.serve_forever()
    return server, server.server_address[1]
