# expect: wrong
# why: binds to "" (every interface), as many examples do, so other computers can connect too
def serve_in_background(handler_class):
    server = ThreadingHTTPServer(("", 0), handler_class)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_port
