# expect: correct
# why: binds and activates the server by hand, names the host "localhost", runs it from a Thread subclass, and reads the port from server_port
import threading
from http.server import ThreadingHTTPServer


class ServerThread(threading.Thread):
    def __init__(self, server):
        super().__init__(daemon=True)
        self.server = server

    def run(self):
        self.server.serve_forever()


def serve_in_background(handler_class):
    server = ThreadingHTTPServer(("localhost", 0), handler_class, bind_and_activate=False)
    server.server_bind()
    server.server_activate()
    ServerThread(server).start()
    return server, server.server_port
