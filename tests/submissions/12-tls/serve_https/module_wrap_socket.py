# expect: wrong
# why: copies the slide's ssl.wrap_socket(httpd.socket, certfile=..., server_side=True): deprecated since 3.7, removed in Python 3.12
def serve_https(handler_class, certfile: str, keyfile: str) -> tuple[HTTPServer, int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
    server.socket = ssl.wrap_socket(server.socket, keyfile=keyfile, certfile=certfile, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_port
