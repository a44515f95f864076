# expect: wrong
# why: runs handle_request in the thread, which serves one request and returns; shutdown() then waits forever
def serve_in_background(handler_class):
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
    threading.Thread(target=server.handle_request, daemon=True).start()
    return server, server.server_address[1]
