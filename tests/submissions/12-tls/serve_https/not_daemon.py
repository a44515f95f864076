# expect: wrong
# why: forgets daemon=True: Python waits for the serving thread at exit, so a script or kernel that never calls shutdown() cannot end
def serve_https(handler_class, certfile: str, keyfile: str) -> tuple[HTTPServer, int]:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(certfile, keyfile)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever).start()
    return server, server.server_address[1]
