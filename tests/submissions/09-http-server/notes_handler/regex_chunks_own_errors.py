# expect: correct
# why: matches paths with re.fullmatch, reads the body in 64 KiB pieces, keeps a per-server store made under the lock, answers every status with a plain-text body of its own (none for HEAD), a 201 with a body, and writes the charset as UTF-8
import re
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler


class NotesHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    lock = threading.Lock()

    def store(self) -> dict:
        with self.lock:
            if "note_store" not in vars(self.server):
                self.server.note_store = {}
            return self.server.note_store

    def answer(self, status: HTTPStatus, text: str, **extra) -> None:
        payload = bytes(text, "utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain;charset=UTF-8")
        self.send_header("Content-Length", f"{len(payload)}")
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(payload)

    def do_POST(self):
        if not re.fullmatch(r"/notes", self.path):
            return self.answer(HTTPStatus.NOT_FOUND, "not found\n")
        declared = self.headers.get("Content-Length")
        if declared is None:
            return self.answer(HTTPStatus.LENGTH_REQUIRED, "say how long the note is\n")
        if not re.fullmatch(r"[0-9]+", declared.strip()):
            return self.answer(HTTPStatus.BAD_REQUEST, "Content-Length is not a number\n")
        remaining, pieces = int(declared), []
        while remaining:
            piece = self.rfile.read(min(remaining, 65536))
            if not piece:
                return
            pieces.append(piece)
            remaining -= len(piece)
        try:
            text = b"".join(pieces).decode("utf-8")
        except UnicodeDecodeError:
            return self.answer(HTTPStatus.BAD_REQUEST, "the note is not UTF-8\n")
        notes = self.store()
        with self.lock:
            key = str(len(notes) + 1)
            notes[key] = text
        self.answer(HTTPStatus.CREATED, f"stored as note {key}\n", Location=f"/notes/{key}")

    def do_GET(self):
        found = re.fullmatch(r"/notes/([0-9]+)", self.path)
        notes = self.store()
        with self.lock:
            text = notes.get(found.group(1)) if found else None
        if text is None:
            return self.answer(HTTPStatus.NOT_FOUND, "no such note\n")
        self.answer(HTTPStatus.OK, text)

    def do_HEAD(self):
        self.do_GET()
