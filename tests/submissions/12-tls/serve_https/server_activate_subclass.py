# expect: correct
# why: a ThreadingHTTPServer subclass that wraps its listening socket in server_activate, started by a daemon thread set afterwards
def serve_https(handler_class, certfile: str, keyfile: str) -> tuple[HTTPServer, int]:
    class HTTPSServer(ThreadingHTTPServer):
        def __init__(self, address, handler, context):
            self.context = context
            super().__init__(address, handler)

        def server_activate(self):
            super().server_activate()
            self.socket = self.context.wrap_socket(self.socket, server_side=True, do_handshake_on_connect=False)

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(certfile, keyfile)
    server = HTTPSServer(("127.0.0.1", 0), handler_class, context)
    serving = threading.Thread(target=server.serve_forever)
    serving.daemon = True
    serving.start()
    return server, server.server_port
