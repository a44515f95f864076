# expect: wrong
# why: keeps the notes in a global dict, which every server in the program shares
NOTES = {}


class NotesHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    lock = threading.Lock()

    def do_POST(self):
        if self.path != "/notes":
            self.send_error(404)
            return
        length = self.headers.get("Content-Length")
        if length is None:
            self.send_error(411)
            return
        try:
            note = self.rfile.read(int(length)).decode("utf-8")
        except ValueError:  # a bad number, or bad UTF-8 (UnicodeDecodeError is a ValueError)
            self.send_error(400)
            return
        with self.lock:
            NOTES[len(NOTES) + 1] = note
            number = len(NOTES)
        self.send_response(201)
        self.send_header("Location", f"/notes/{number}")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        body = self.send_note_headers()
        if body:
            self.wfile.write(body)

    def do_HEAD(self):
        self.send_note_headers()

    def send_note_headers(self):
        prefix, _, number = self.path.rpartition("/")
        note = NOTES.get(int(number)) if prefix == "/notes" and number.isdigit() else None
        if note is None:
            self.send_error(404)
            return None
        body = note.encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return body
