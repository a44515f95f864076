# expect: wrong
# why: a plain HTTPServer handles one connection at a time in its serving thread: a client that connects and says nothing stalls the others, whatever the handshake setting
def serve_https(handler_class, certfile: str, keyfile: str) -> tuple[HTTPServer, int]:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(certfile, keyfile)
    server = HTTPServer(("127.0.0.1", 0), handler_class)
    server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
    port = server.socket.getsockname()[1]
    thread = threading.Thread(target=server.serve_forever, name=f"https {port}", daemon=True)
    thread.start()
    return server, port
