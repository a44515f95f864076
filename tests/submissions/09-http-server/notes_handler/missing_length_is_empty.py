# expect: wrong
# why: reads int(self.headers.get("Content-Length", 0)), so a POST without Content-Length (a chunked one too) stores an empty note and answers 201 instead of 411
class NotesHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    lock = threading.Lock()

    def do_POST(self):
        if self.path != "/notes":
            self.send_error(404)
            return
        try:
            note = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode("utf-8")
        except ValueError:
            self.send_error(400)
            return
        with self.lock:
            if not hasattr(self.server, "notes"):
                self.server.notes = {}
            number = len(self.server.notes) + 1
            self.server.notes[f"/notes/{number}"] = note
        self.send_response(201)
        self.send_header("Location", f"/notes/{number}")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        body = self.send_note_headers()
        if body is not None:
            self.wfile.write(body)

    def do_HEAD(self):
        self.send_note_headers()

    def send_note_headers(self):
        note = getattr(self.server, "notes", {}).get(self.path)
        if note is None:
            self.send_error(404)
            return None
        body = note.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return body
