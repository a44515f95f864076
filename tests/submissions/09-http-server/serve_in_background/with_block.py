# expect: wrong
# why: makes the server in a with block, as the documentation's example does, and returns from inside it: leaving the block calls server_close(), so the listening socket is closed before anyone connects
def serve_in_background(handler_class):
    with ThreadingHTTPServer(("127.0.0.1", 0), handler_class) as server:
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server, server.server_address[1]
