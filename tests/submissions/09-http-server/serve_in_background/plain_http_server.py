# expect: wrong
# why: uses HTTPServer, as the slide does, which handles one connection at a time, instead of ThreadingHTTPServer
def serve_in_background(handler_class):
    server = HTTPServer(("127.0.0.1", 0), handler_class)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]
