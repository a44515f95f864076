# expect: wrong
# why: returns the port it asked for (0), not the port the system chose
def serve_in_background(handler_class):
    port = 0
    server = ThreadingHTTPServer(("127.0.0.1", port), handler_class)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, port
