# expect: wrong
# why: keeps the notes in a list that is a class attribute of the handler, shared by every server
class NotesHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    lock = threading.Lock()
    notes = []

    def do_POST(self):
        if self.path != "/notes":
            self.send_error(404)
            return
        if "Content-Length" not in self.headers:
            self.send_error(411)
            return
        try:
            note = self.rfile.read(int(self.headers["Content-Length"])).decode()
        except ValueError:
            self.send_error(400)
            return
        with self.lock:
            self.notes.append(note)
            number = len(self.notes)
        self.send_response(201)
        self.send_header("Location", "/notes/%d" % number)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        body = self.send_note_headers()
        if body is not None:
            self.wfile.write(body)

    def do_HEAD(self):
        self.send_note_headers()

    def send_note_headers(self):
        number = self.path.removeprefix("/notes/")
        if not self.path.startswith("/notes/") or not number.isdigit() or not 1 <= int(number) <= len(self.notes):
            self.send_error(404)
            return None
        body = self.notes[int(number) - 1].encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return body
