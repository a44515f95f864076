# expect: correct
# why: keeps an itertools.count and a dict per server in one object made on first use, routes with a regular expression, answers errors with plain-text bodies of its own, and answers 400 to a missing Content-Length
import itertools
import re
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler

NOTE_PATH = re.compile(r"/notes/([1-9][0-9]*)")


class Notebook:
    def __init__(self):
        self.ids = itertools.count(1)
        self.notes = {}


class NotesHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    lock = threading.Lock()

    def notebook(self) -> Notebook:
        with self.lock:
            if not isinstance(getattr(self.server, "notebook", None), Notebook):
                self.server.notebook = Notebook()
            return self.server.notebook

    def answer(self, status, body=b"", content_type="text/plain; charset=utf-8", extra=(), send_body=True):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in extra:
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def do_POST(self):
        if self.path != "/notes":
            self.answer(HTTPStatus.NOT_FOUND, b"no such place\n")
            return
        try:
            length = int(self.headers["Content-Length"])
            if length < 0:
                raise ValueError(length)
        except (TypeError, ValueError):
            self.close_connection = True
            self.answer(HTTPStatus.BAD_REQUEST, b"send a Content-Length\n", extra=[("Connection", "close")])
            return
        data = self.rfile.read(length)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            self.answer(HTTPStatus.BAD_REQUEST, b"UTF-8 text only\n")
            return
        notebook = self.notebook()
        with self.lock:
            number = next(notebook.ids)
            notebook.notes[number] = text
        self.answer(HTTPStatus.CREATED, extra=[("Location", f"/notes/{number}")])

    def find(self):
        match = NOTE_PATH.fullmatch(self.path)
        if match is None:
            return None
        notebook = self.notebook()
        with self.lock:
            return notebook.notes.get(int(match.group(1)))

    def do_GET(self):
        self.get_or_head(send_body=True)

    def do_HEAD(self):
        self.get_or_head(send_body=False)

    def get_or_head(self, send_body):
        text = self.find()
        if text is None:
            self.answer(HTTPStatus.NOT_FOUND, b"no such note\n", send_body=send_body)
        else:
            self.answer(HTTPStatus.OK, text.encode("utf-8"), send_body=send_body)
