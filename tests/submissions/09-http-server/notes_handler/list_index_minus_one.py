# expect: wrong
# why: keeps the notes in a list and looks a note up with notes[int(id) - 1], catching only IndexError and ValueError: /notes/0 gives the last note (index -1) instead of a 404
class NotesHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    lock = threading.Lock()

    def do_POST(self):
        if self.path != "/notes":
            self.send_error(404)
            return
        length = self.headers["Content-Length"]
        if length is None:
            self.send_error(411)
            return
        try:
            note = self.rfile.read(int(length)).decode("utf-8")
        except ValueError:
            self.send_error(400)
            return
        with self.lock:
            if not hasattr(self.server, "notes"):
                self.server.notes = []
            self.server.notes.append(note)
            number = len(self.server.notes)
        self.send_response(201)
        self.send_header("Location", f"/notes/{number}")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def find(self):
        if not self.path.startswith("/notes/"):
            return None
        try:
            return getattr(self.server, "notes", [])[int(self.path[len("/notes/"):]) - 1]
        except (IndexError, ValueError):
            return None

    def do_GET(self):
        note = self.find()
        if note is None:
            self.send_error(404)
            return
        body = note.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_HEAD(self):
        note = self.find()
        if note is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(note.encode("utf-8"))))
        self.end_headers()
