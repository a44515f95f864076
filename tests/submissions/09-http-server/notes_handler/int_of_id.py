# expect: wrong
# why: takes the id with int(self.path.split("/")[-1]) without checking it is a number: GET /notes/abc raises ValueError and the client gets no answer instead of a 404
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
        if not length.isdigit():
            self.send_error(400)
            return
        try:
            note = self.rfile.read(int(length)).decode("utf-8")
        except UnicodeDecodeError:
            self.send_error(400)
            return
        with self.lock:
            notes = self.server.__dict__.setdefault("notes", {})
            number = len(notes) + 1
            notes[number] = note
        self.send_response(201)
        self.send_header("Location", f"/notes/{number}")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def answer(self, with_body):
        notes = getattr(self.server, "notes", {})
        if not self.path.startswith("/notes/") or int(self.path.split("/")[-1]) not in notes:
            self.send_error(404)
            return
        body = notes[int(self.path.split("/")[-1])].encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if with_body:
            self.wfile.write(body)

    def do_GET(self):
        self.answer(True)

    def do_HEAD(self):
        self.answer(False)
