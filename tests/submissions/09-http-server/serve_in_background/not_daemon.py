# expect: wrong
# why: starts an ordinary thread: a program that uses the server never ends
def serve_in_background(handler_class):
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
    thread = threading.Thread(target=server.serve_forever)
    thread.start()
    return server, server.server_address[1]
