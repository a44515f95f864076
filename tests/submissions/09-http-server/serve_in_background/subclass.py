# expect: correct
# why: serves with a subclass of ThreadingHTTPServer that names its own address, and uses server_port
import threading
from http.server import ThreadingHTTPServer


class LocalServer(ThreadingHTTPServer):
    def __init__(self, handler_class):
        super().__init__(("127.0.0.1", 0), handler_class)


def serve_in_background(handler_class):
    server = LocalServer(handler_class)
    threading.Thread(target=server.serve_forever, name=f"serving {handler_class.__name__}", daemon=True).start()
    return server, server.server_port
