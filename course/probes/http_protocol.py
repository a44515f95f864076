"""Notebook 08 (HTTP on the wire): real servers that say what they parsed, responses
captured from real servers, a raw server that answers in fragments, and probes that run
inside the child process next to the student's function.

- ``SentTo(build_request, "http.server" | "aiohttp")(*args)`` builds the request in the
  child, sends its bytes to a real server started there, and returns what the server
  parsed (a ``Parsed``); ``expect_parsed`` compares it with what the arguments asked for.
- ``capture(kind, request)`` sends a hand-written request to a real server on a grader
  thread and returns the raw bytes of its answer; ``reference_parse`` says what
  ``parse_response`` must make of them.
- ``Fragments`` is a raw server that sends its answer in pieces and sends each piece only
  once the client has read the one before (it watches the client's receive queue in
  ``/proc/net/tcp``), so one ``recv`` gets one piece however busy the machine is.
- ``RawSocketOnly(http_request)`` runs the student's function with ``http.client``,
  ``urllib.request`` and aiohttp's client switched off, and notes whether a socket connected.
"""

import asyncio
import fcntl
import http.client
import io
import logging
import socket
import termios
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler

from aiohttp import web

from course import checks, timeouts
from course.peers import http as http_peers
from course.peers import stream
from course.peers.lifecycle import Peer

GATE = 1.0
"""Seconds the fragment server waits at most for the client to read a piece; only a
client that stopped reading waits this out."""

SERVER_KINDS = ("http.server", "aiohttp")


# ------------------------------------------------------------------- servers that record

@dataclass
class Parsed:
    """What a real server made of the bytes it was sent."""

    server: str
    sent: bytes
    method: str = ""
    path: str = ""
    headers: list = field(default_factory=list)
    """(name, value) pairs as the server parsed them, in the order they came."""
    body: bytes | None = None
    """None when the server was still waiting for the rest of the body."""
    status: int | None = None
    """The status of the server's answer; None if it sent none."""
    answer: bytes = b""
    """The body of the server's answer (an error message for a 400)."""
    not_bytes: str = ""
    """The type name of what build_request returned, when it was not bytes."""


class _Recording(BaseHTTPRequestHandler):
    """Records each request (head first, then its body, read by Content-Length) and
    answers 200 with a short body. HTTP/1.0: one request per connection."""

    records: list = []
    timeout = timeouts.IO

    def _record(self):
        record = {"method": self.command, "path": self.path, "headers": list(self.headers.items()),
                  "body": None}
        self.records.append(record)
        length = int(self.headers.get("Content-Length") or 0)
        record["body"] = self.rfile.read(length) if length else b""
        if len(record["body"]) < length:
            record["body"] = None
            return
        answer = b"recorded\n"
        self.send_response(200)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer)

    do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _record

    def log_message(self, *args):
        pass


def _recording_app(records: list) -> web.Application:
    async def record(request: web.Request) -> web.Response:
        entry = {"method": request.method, "path": request.raw_path, "body": None,
                 "headers": [(n.decode("latin-1"), v.decode("latin-1")) for n, v in request.raw_headers]}
        records.append(entry)
        entry["body"] = await request.read()
        return web.Response(body=b"recorded\n")

    app = web.Application()
    app.router.add_route("*", "/{tail:.*}", record)
    return app


def _exchange(port: int, data: bytes) -> tuple[int | None, bytes]:
    """Send ``data`` and read one answer; (None, b'') when none came in time."""
    with stream.connect(("127.0.0.1", port)) as sock:
        try:
            sock.sendall(data)
            response = http.client.HTTPResponse(sock)
            response.begin()
            return response.status, response.read()
        except (OSError, http.client.HTTPException):
            return None, b""


def send_to(kind: str, data: bytes) -> Parsed:
    """Send ``data`` to a real server of ``kind`` on 127.0.0.1 and say what it parsed."""
    logging.getLogger("aiohttp.server").setLevel(logging.CRITICAL)  # 400s are data here
    records: list = []
    if kind == "http.server":
        handler = type("Recording", (_Recording,), {"records": records})
        server = http_peers.HttpServer(handler)
    else:
        server = http_peers.AiohttpServer(_recording_app(records))
    with server:
        status, answer = _exchange(server.port, data)
    parsed = Parsed(kind, data, status=status, answer=answer)
    if records:
        first = records[0]
        parsed.method, parsed.path = first["method"], first["path"]
        parsed.headers, parsed.body = first["headers"], first["body"]
    return parsed


class SentTo:
    """A probe: ``SentTo(build_request, kind)(*args)`` calls ``build_request(*args)`` in the
    child and sends what it returned to a real server of ``kind``; returns a ``Parsed``."""

    def __init__(self, fn, kind: str):
        self.fn = fn
        self.kind = kind
        self.__name__ = getattr(fn, "__name__", "the function")

    def __call__(self, *args, **kwargs) -> Parsed:
        data = self.fn(*args, **kwargs)
        if type(data) is not bytes:
            return Parsed(self.kind, b"", not_bytes=type(data).__name__)
        return send_to(self.kind, data)


def expect_parsed(parsed: Parsed, call: str, method: str, path: str, headers: dict, body: bytes) -> None:
    """Fail unless the server parsed exactly this request: ``headers`` are all the header
    fields expected (names compared without regard to case, order free)."""
    checks.that(not parsed.not_bytes, f"{call} returned {parsed.not_bytes}, not bytes")
    sent = f"{call} built {checks.short(parsed.sent)}"
    if bare_lf(parsed.sent):
        checks.fail(f"{sent}: a line ends in a bare b'\\n'. Every line of the head ends in "
                             "b'\\r\\n' (CRLF), and a blank line b'\\r\\n' ends the head.")
    if not parsed.method:
        checks.fail(f"{sent}, and {parsed.server} did not take it for a request: it answered "
                             f"{_answer(parsed)}")
    checks.same(parsed.method, method, what=f"{sent}; the method {parsed.server} read")
    checks.same(parsed.path, path, what=f"{sent}; the path {parsed.server} read")
    got = sorted((name.lower(), value) for name, value in parsed.headers)
    wanted = sorted((name.lower(), value) for name, value in headers.items())
    checks.that(got == wanted, f"{sent}; {parsed.server} read the headers {_pairs(got)}, expected "
                               f"{_pairs(wanted)}")
    checks.that(parsed.body is not None,
                f"{sent}; {parsed.server} was still waiting for the body when the request ended: "
                "Content-Length says more bytes than the body has")
    checks.same(parsed.body, body, what=f"{sent}; the body {parsed.server} read")
    checks.that(parsed.status == 200, f"{sent}; {parsed.server} parsed it but then answered "
                                      f"{_answer(parsed)}: did more bytes follow the body than "
                                      "Content-Length says?")


def bare_lf(data: bytes) -> bool:
    """Whether the head of a request (up to the first blank line) has a b'\\n' without b'\\r'."""
    end = data.find(b"\r\n\r\n")
    head = data if end < 0 else data[:end + 4]
    return head.count(b"\n") != head.count(b"\r\n")


def _answer(parsed: Parsed) -> str:
    if parsed.status is None:
        return f"nothing within {timeouts.IO:g} s: it was still waiting for the rest of the request"
    text = parsed.answer.decode("utf-8", "replace").strip().replace("\n", " ")
    return f"{parsed.status} {text[:120]!r}" if text else str(parsed.status)


def _pairs(pairs) -> str:
    return "{" + ", ".join(f"{n!r}: {v!r}" for n, v in pairs) + "}"


# ------------------------------------------------------------ responses of real servers

class _Quirky(BaseHTTPRequestHandler):
    """Answers by path: each path gives one kind of response a parser must get right."""

    protocol_version = "HTTP/1.1"

    def do_GET(self):
        body = b""
        if self.path == "/mixed-case":
            body = b"mixed case"
            self.send_response(200)
            self.send_header("content-TYPE", "text/plain; charset=utf-8")
            self.send_header("X-Padded", "   spaced value \t ")
            self.send_header("Location", "http://127.0.0.1:8000/a:b")
            self.send_header("x-empty", "")
            self.send_header("CONTENT-length", str(len(body)))
        elif self.path == "/crlf-in-body":
            body = b"first part\r\n\r\nHTTP/1.1 200 OK\r\nX-Fake: header\r\n\r\nlast part"
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
        elif self.path == "/empty":
            self.send_response(200)
            self.send_header("Content-Length", "0")
        elif self.path == "/binary":
            body = bytes(range(256)) + b"\r\n \t\x00"
            self.send_response(200)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(body)))
        elif self.path == "/no-length":
            body = b"no Content-Length: read to the end\r\n\r\n  "
            self.send_response(200)
            self.send_header("Connection", "close")
            self.close_connection = True
        elif self.path == "/not-found":
            body = b"nothing here"
            self.send_response(404, "Not Found Here")
            self.send_header("Content-Length", str(len(body)))
        elif self.path == "/repeated":
            body = b"two of a kind"
            self.send_response(200)
            self.send_header("X-Tag", "one")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("x-tag", "two")
        elif self.path == "/latin-1":
            body = b"latin-1"
            self.send_response(200)
            self.send_header("X-Name", "café")  # http.server encodes the head in ISO-8859-1: b'caf\\xe9'
            self.send_header("Content-Length", str(len(body)))
        elif self.path == "/short":
            body = b"only part of it"
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.close_connection = True
        else:
            self.send_error(400)
            return
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _aiohttp_app() -> web.Application:
    async def hello(request: web.Request) -> web.Response:
        return web.Response(text="héllo wörld\n", headers={"X-MiXeD-CaSe": "Yes"})

    async def created(request: web.Request) -> web.Response:
        return web.Response(status=201, body=await request.read(), content_type="application/octet-stream")

    app = web.Application()
    app.router.add_get("/hello", hello)
    app.router.add_post("/created", created)
    return app


def capture(kind: str, request: bytes) -> bytes:
    """The raw bytes a real server of ``kind`` ("quirky" is an ``http.server`` handler
    with odd answers) sends back for ``request`` (which should say ``Connection: close``,
    or be pipelined requests whose last one says it)."""
    if kind == "aiohttp":
        server = http_peers.AiohttpServer(_aiohttp_app())
    else:
        server = http_peers.HttpServer(_Quirky)
    with server, stream.connect(("127.0.0.1", server.port)) as sock:
        sock.sendall(request)
        return stream.recv_to_eof(sock)


def get(path: str, *more: str) -> bytes:
    """A GET of ``path`` (and pipelined GETs of ``more``), the last with Connection: close."""
    requests = [f"GET {p} HTTP/1.1\r\nHost: 127.0.0.1\r\n" for p in [path, *more]]
    requests[-1] += "Connection: close\r\n"
    return "".join(r + "\r\n" for r in requests).encode()


class _Bytes(io.BytesIO):
    def makefile(self, *args, **kwargs):
        return self


def reference_parse(data: bytes) -> tuple[int, str, dict[str, str], bytes]:
    """What ``parse_response`` must return: status and reason from the status line,
    headers by ``http.client``'s parser with names lower-cased, values stripped and
    repeated names joined with ', ', and the body that ``http.client`` reads."""
    response = http.client.HTTPResponse(_Bytes(data))
    response.begin()
    headers: dict[str, str] = {}
    for name, value in response.msg.items():
        name, value = name.lower(), value.strip(" \t")
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    body = response.read()
    return response.status, response.reason.strip(), headers, body


# ------------------------------------------------------------ a server in fragments

def _client_queue(client: tuple[str, int], server: tuple[str, int]) -> int | None:
    """Bytes waiting unread in the receive queue of the client's end of a TCP connection
    on 127.0.0.1, from /proc/net/tcp; None when it cannot be told."""
    local, remote = f"0100007F:{client[1]:04X}", f"0100007F:{server[1]:04X}"
    try:
        with open("/proc/net/tcp") as table:
            for line in table:
                fields = line.split()
                if len(fields) > 4 and fields[1] == local and fields[2] == remote:
                    return int(fields[4].split(":")[1], 16)
    except OSError:
        return None
    return 0  # the socket is gone: nothing waits in it


def _unsent(conn: socket.socket) -> int:
    """Bytes this socket sent that the peer's kernel has not acknowledged yet (Linux)."""
    buffer = fcntl.ioctl(conn.fileno(), termios.TIOCOUTQ, b"\0\0\0\0")
    return int.from_bytes(buffer, "little")


def send_when_read(conn: socket.socket, pieces: list[bytes]) -> None:
    """Send each piece only after the client has read everything sent before it (or
    after ``GATE`` seconds, for a client that stopped reading)."""
    client, server = conn.getpeername(), conn.getsockname()
    for index, piece in enumerate(pieces):
        if index:
            deadline = time.monotonic() + GATE
            while time.monotonic() < deadline:
                try:
                    arrived = _unsent(conn) == 0
                except OSError:
                    arrived = True
                waiting = _client_queue(client, server)
                if waiting is None:
                    time.sleep(0.1)  # no /proc/net/tcp here: a pause has to do
                    break
                if arrived and waiting == 0:
                    break
                time.sleep(0.002)
        try:
            conn.sendall(piece)
        except OSError:
            return  # the client went away: what it got is what the test sees


def read_request(conn: socket.socket) -> bytes:
    """A whole request: the head, and as many body bytes as Content-Length says."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length" and value.strip().isdigit():
            length = int(value)
    return data + stream.recv_exactly(conn, length - len(body)) if length > len(body) else data


class Fragments(Peer):
    """A raw HTTP server that answers every request with ``answer`` (bytes, or a function
    of the request's method) cut into ``pieces`` (lengths), each sent once the client has
    read the previous one, then closes. ``requests`` holds the requests as they came."""

    def __init__(self, answer, pieces: list[int] | None = None):
        self.requests: list[bytes] = []
        self._answer = answer
        self._pieces = pieces
        self._server = stream.StreamServer(self._handle)
        self.port = self._server.address[1]

    def _stop(self) -> None:
        self._server.close()

    def _handle(self, conn: socket.socket) -> None:
        request = read_request(conn)
        self.requests.append(request)
        method = request.split(b" ", 1)[0].decode("latin-1")
        answer = self._answer(method) if callable(self._answer) else self._answer
        cuts = self._pieces or [1] * len(answer)
        pieces, start = [], 0
        for size in cuts:
            pieces.append(answer[start:start + size])
            start += size
        if start < len(answer):
            pieces.append(answer[start:])
        send_when_read(conn, [p for p in pieces if p])

    @property
    def errors(self):
        return self._server.errors


def expect_on_the_wire(request: bytes, call: str, method: str, path: str, body: bytes, port: int) -> None:
    """Fail unless ``request`` (what the server received from http_request) is a proper
    HTTP/1.1 request for ``method`` ``path`` with Host, Connection: close, and the body
    with its Content-Length."""
    what = f"{call} sent {checks.short(request)}"
    checks.that(bool(request), f"{call} sent nothing to the server")
    checks.that(not bare_lf(request), f"{what}: a line ends in a bare b'\\n' instead of b'\\r\\n'")
    head, separator, sent_body = request.partition(b"\r\n\r\n")
    checks.that(bool(separator), f"{what}: the head does not end in a blank line b'\\r\\n\\r\\n'")
    lines = head.decode("latin-1").split("\r\n")
    checks.same(lines[0], f"{method} {path} HTTP/1.1", what=f"{what}; its request line")
    fields = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        fields[name.strip().lower()] = value.strip()
    host = fields.get("host")
    checks.that(host == f"127.0.0.1:{port}",
                f"{what}: it needs the header Host: 127.0.0.1:{port}, the host and the port, "
                + ("but it has no Host field" if host is None else f"but its Host field is {host!r}"))
    checks.that(fields.get("connection", "").lower() == "close",
                f"{what}: it needs the header Connection: close, so that the server closes the "
                "connection after its answer")
    if body:
        checks.that(fields.get("content-length") == str(len(body)),
                    f"{what}: a body of {len(body)} bytes needs Content-Length: {len(body)}")
    checks.same(sent_body, body, what=f"{what}; the body")


# ------------------------------------------------------------ real servers for http_request

class _Echo(BaseHTTPRequestHandler):
    """HTTP/1.1 with keep-alive: GET and HEAD of any path answer the same headers (HEAD
    without the body), POST answers the body it got."""

    protocol_version = "HTTP/1.1"

    def _answer(self, body: bytes, send_body: bool):
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("X-Path", self.path)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def do_GET(self):
        self._answer(f"you asked for {self.path}\n".encode(), True)

    def do_HEAD(self):
        self._answer(f"you asked for {self.path}\n".encode(), False)

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        self._answer(self.rfile.read(length), True)

    def log_message(self, *args):
        pass


def _echo_app() -> web.Application:
    async def get(request: web.Request) -> web.Response:
        return web.Response(body=f"you asked for {request.raw_path}\n".encode(),
                            headers={"X-Path": request.raw_path}, content_type="application/octet-stream")

    async def post(request: web.Request) -> web.Response:
        return web.Response(body=await request.read(), headers={"X-Path": request.raw_path},
                            content_type="application/octet-stream")

    app = web.Application()
    app.router.add_get("/{tail:.*}", get)  # answers HEAD too, without the body
    app.router.add_post("/{tail:.*}", post)
    return app


def echo_server(kind: str) -> Peer:
    """A real keep-alive HTTP/1.1 server of ``kind`` ("http.server" or "aiohttp"): GET and
    HEAD answer b'you asked for <path>\\n' (HEAD without it), POST answers its body."""
    if kind == "aiohttp":
        return http_peers.AiohttpServer(_echo_app())
    return http_peers.HttpServer(_Echo)


# ------------------------------------------------------------ a raw socket, nothing else

class RawSocketOnly:
    """A probe: ``RawSocketOnly(fn)(*args)`` calls ``fn(*args)`` in the child with the
    HTTP client libraries switched off (they raise), and notes whether a socket connected.
    Returns ``(result or None, error text or '', socket connected?, libraries tried)``."""

    def __init__(self, fn):
        self.fn = fn
        self.__name__ = getattr(fn, "__name__", "the function")

    def __call__(self, *args):
        tried: list[str] = []
        connected: list[tuple] = []

        def refuse(name):
            def refused(*args, **kwargs):
                tried.append(name)
                raise RuntimeError(f"{name} is switched off in this test: use a socket")
            return refused

        import http.client as client
        import urllib.request
        client.HTTPConnection.request = refuse("http.client")
        client.HTTPConnection.putrequest = refuse("http.client")
        client.HTTPConnection.connect = refuse("http.client")
        urllib.request.urlopen = refuse("urllib.request")
        try:
            import aiohttp
            aiohttp.ClientSession._request = refuse("aiohttp's client")
        except ImportError:
            pass
        original = socket.socket.connect, socket.socket.connect_ex

        def connect(sock, address, _original=original[0]):
            connected.append(address)
            return _original(sock, address)

        def connect_ex(sock, address, _original=original[1]):
            connected.append(address)
            return _original(sock, address)

        socket.socket.connect, socket.socket.connect_ex = connect, connect_ex
        try:
            result, error = self.fn(*args), ""
        except Exception as raised:
            result, error = None, f"{type(raised).__name__}: {raised}"
        return result, error, bool(connected), sorted(set(tried))


def expect_response(result, call: str, status: int, headers: dict, body: bytes) -> None:
    """Fail unless ``result`` is a ``(status, headers, body)`` tuple with this status and
    body, whose headers hold (at least) the fields ``headers``."""
    checks.that(type(result) is tuple and len(result) == 3,
                f"{call} should return a tuple (status, headers, body), but it returned {checks.short(result)}")
    got_status, got_headers, got_body = result
    checks.same(got_status, status, what=f"the status from {call}")
    checks.that(type(got_headers) is dict,
                f"{call} should return the headers as a dict, but they are {checks.short(got_headers)}")
    for name, value in headers.items():
        checks.that(name in got_headers, f"{call}: the headers it returned have no {name!r} "
                                         f"(names lower-cased); they are {checks.short(got_headers)}")
        checks.same(got_headers[name], value, what=f"the header {name!r} from {call}")
    checks.same(got_body, body, what=f"the body from {call}")
