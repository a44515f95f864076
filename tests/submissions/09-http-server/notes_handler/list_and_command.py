# expect: correct
# why: stores the notes in a list on the server, shares one method between GET and HEAD through self.command, and writes the body with bytes(text, encoding)
class NotesHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    lock = threading.Lock()

    def do_POST(self):
        size = self.headers.get("content-length", "")
        if self.path != "/notes":
            return self.send_error(404, "Unknown path")
        if not size:
            return self.send_error(411)
        if not size.strip().isdecimal():
            return self.send_error(400, "Bad Content-Length")
        raw = self.rfile.read(int(size))
        try:
            text = str(raw, "utf-8")
        except UnicodeDecodeError:
            return self.send_error(400, "Not UTF-8")
        with self.lock:
            store = self.server.__dict__.setdefault("note_list", [])
            store.append(text)
            location = "/notes/" + str(len(store))
        self.send_response(201, "Created")
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self):
        store = getattr(self.server, "note_list", [])
        parts = self.path.split("/")
        if len(parts) != 3 or parts[:2] != ["", "notes"] or not parts[2].isdecimal() \
                or not 0 < int(parts[2]) <= len(store):
            return self.send_error(404)
        content = bytes(store[int(parts[2]) - 1], "utf-8")
        self.send_response(200)
        self.send_header("Content-Length", str(len(content)))
        self.send_header("Content-Type", "text/plain; charset=UTF-8")
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(content)

    do_HEAD = do_GET
