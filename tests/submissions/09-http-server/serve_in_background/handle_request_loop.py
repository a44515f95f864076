# expect: wrong
# why: serves with its own loop of handle_request() instead of serve_forever(): requests are answered, but server.shutdown() waits for a serve_forever() that never ran, and the loop never ends
def serve_in_background(handler_class):
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)

    def loop():
        while True:
            server.handle_request()

    threading.Thread(target=loop, daemon=True).start()
    return server, server.server_address[1]
