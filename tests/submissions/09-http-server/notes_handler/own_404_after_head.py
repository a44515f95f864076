# expect: wrong
# why: answers errors with a plain-text body of its own from one helper that GET and HEAD share, so a HEAD of an unknown note gets that body after its headers
class NotesHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    lock = threading.Lock()

    def reply(self, status, body=b"", send_body=True, **headers):
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def not_found(self):
        self.reply(404, b"no such note\n")

    def do_POST(self):
        if self.path != "/notes":
            return self.not_found()
        length = self.headers["Content-Length"]
        if length is None:
            return self.reply(411, b"Content-Length required\n")
        if not length.isdigit():
            return self.reply(400, b"bad Content-Length\n")
        try:
            note = self.rfile.read(int(length)).decode("utf-8")
        except UnicodeDecodeError:
            return self.reply(400, b"not UTF-8\n")
        with self.lock:
            notes = self.server.__dict__.setdefault("notes", {})
            number = len(notes) + 1
            notes[f"/notes/{number}"] = note
        self.reply(201, Location=f"/notes/{number}")

    def do_GET(self):
        note = getattr(self.server, "notes", {}).get(self.path)
        if note is None:
            return self.not_found()
        self.reply(200, note.encode("utf-8"), send_body=self.command == "GET")

    do_HEAD = do_GET
