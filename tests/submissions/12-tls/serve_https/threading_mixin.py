# expect: correct
# why: its own threading server from socketserver.ThreadingMixIn and HTTPServer, the handshake left to each connection's first read
def serve_https(handler_class, certfile: str, keyfile: str) -> tuple[HTTPServer, int]:
    import socketserver

    class Server(socketserver.ThreadingMixIn, HTTPServer):
        daemon_threads = True

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(certfile, keyfile)
    server = Server(("127.0.0.1", 0), handler_class)
    server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    port = server.socket.getsockname()[1]
    threading.Thread(target=server.serve_forever, name=f"https {port}", daemon=True).start()
    return server, port
