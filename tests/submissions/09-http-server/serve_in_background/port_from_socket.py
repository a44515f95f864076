# expect: correct
# why: reads the port from the listening socket, sets the thread's daemon flag before start, and polls for shutdown more often
import threading
from http.server import ThreadingHTTPServer


def serve_in_background(handler_class):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
    _, port = httpd.socket.getsockname()
    worker = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.1})
    worker.daemon = True
    worker.start()
    return (httpd, port)
