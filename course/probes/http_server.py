"""Notebook 09 (http.server): probes that run inside the child process of ``checks.call``.

A probe starts the student's server there (the student's handler class on a grader's
``ThreadingHTTPServer``, or whatever the student's ``serve_in_background`` starts), talks
to it with real clients (``http.client``, ``urllib.request``, requests, curl, a raw
socket), and returns what it saw as plain data: a ``Session`` or a ``Launch``. The test
cell then checks that data in the kernel with its ``expect_*`` methods, whose messages say
what was sent, what was expected and what came back. The student's server never runs on
the kernel's threads, and it is gone with the child.

On the grader's servers, request logging (which ``http.server`` writes to stderr) is off,
and an exception the handler raises is recorded and shown in the failure message instead
of being printed. Waits that only a wrong solution reaches have a generous deadline
(``WAIT``, ``GATE``): a correct server answers in milliseconds even on a busy machine.
"""

import email.message
import http.client
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from course import checks, isolation, timeouts

WAIT = 3.0
"""Seconds a client waits for an answer that a correct handler sends at once."""

GATE = 4.0
"""Seconds a gated request waits at most for its companions to be in flight with it."""

HOST = "127.0.0.1"


# ------------------------------------------------------------------------ what came back

@dataclass(frozen=True)
class Reply:
    """One request and what came back for it."""

    asked: str
    """The request in words: 'POST /notes with the body 'abc' (3 bytes), over http.client'."""
    method: str = "GET"
    status: int | None = None
    reason: str = ""
    headers: tuple = ()
    """(name, value) pairs as the client read them."""
    body: bytes = b""
    version: str = ""
    decoded: str | None = None
    """The body as requests decoded it (with the charset of Content-Type), for requests."""
    encoding: str | None = None
    problem: str = ""
    """Why there is no complete answer; empty when there is one."""
    errors: tuple = ()
    """Exceptions the handler raised meanwhile, in words, with the student's lines."""

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None

    def expect(self, status: int | tuple, *, body: bytes | None = None, location: str | None = None,
               text_plain_utf8: bool = False, length: int | None = None, hint: str = "") -> None:
        """Fail unless this answer has ``status``, a Content-Length that matches its body
        (or ``length``, for HEAD), and the ``body``, ``location`` and Content-Type asked for."""
        tail = self._errors_text() + (f"\n{hint}" if hint and not self.errors else "")
        if self.problem:
            checks.fail(f"{self.asked}: expected an answer with status "
                        f"{' or '.join(map(str, status if isinstance(status, tuple) else (status,)))}, but "
                        f"{self.problem}.{tail}")
        allowed = status if isinstance(status, tuple) else (status,)
        checks.that(self.status in allowed,
                    f"{self.asked}: expected status {' or '.join(map(str, allowed))}, got "
                    f"{self.status} {self.reason}{self._body_text()}.{tail}")
        declared = self.header("Content-Length")
        checks.that(declared is not None,
                    f"{self.asked}: the answer (status {self.status}) has no Content-Length "
                    "header. Every answer must say how many bytes its body has.")
        expected_length = len(self.body) if length is None else length
        if self.method == "HEAD" and self.body:
            checks.fail(
                f"{self.asked}: an answer to HEAD must have no body, but {len(self.body)} bytes "
                f"came after its headers: {checks.short(self.body)}. Send the headers GET "
                "would send, and write nothing to self.wfile.")
        if self.method == "HEAD" and length is None:
            expected_length = declared.strip()  # what GET would send: not known here
        checks.that(declared.strip() == str(expected_length),
                    f"{self.asked}: Content-Length says {declared}, but the body "
                    f"{'GET gives' if length is not None else 'that came'} has "
                    f"{expected_length} bytes. Content-Length counts bytes (len of the "
                    "encoded body), not characters.")
        if location is not None:
            checks.that(self.header("Location") == location,
                        f"{self.asked}: expected the header Location: {location}, got "
                        f"{'no Location header' if self.header('Location') is None else repr(self.header('Location'))}."
                        + (f"\n{hint}" if hint else ""))
        if text_plain_utf8:
            content_type = self.header("Content-Type")
            message = email.message.Message()
            message["Content-Type"] = content_type or ""
            charset = (message.get_content_charset() or "").replace("_", "-")
            checks.that(content_type is not None and message.get_content_type() == "text/plain"
                        and charset in ("utf-8", "utf8"),
                        f"{self.asked}: expected Content-Type: text/plain; charset=utf-8, got "
                        f"{'no Content-Type header' if content_type is None else repr(content_type)}. "
                        "A client decodes the body with the charset the header names.")
        if body is not None:
            checks.that(self.body == body,
                        f"{self.asked}: expected the body {_shown(body)}, got "
                        f"{_shown(self.body)}." + (f"\n{hint}" if hint else ""))

    def expect_decoded(self, text: str) -> None:
        """Fail unless requests decoded the body to ``text``."""
        checks.that(self.decoded == text,
                    f"{self.asked}: requests decoded the body as {self.encoding} and got "
                    f"{checks.short(self.decoded)}; expected {checks.short(text)}. requests "
                    "takes the encoding from the charset in Content-Type (for text/plain "
                    "without one, it assumes ISO-8859-1).")

    def _body_text(self) -> str:
        return f" with the body {checks.short(self.body)}" if self.body else ""

    def _errors_text(self) -> str:
        if not self.errors:
            return ""
        return "\nMeanwhile your handler raised:\n" + "\n".join(self.errors)


def _shown(body: bytes) -> str:
    """A body as the text it holds in UTF-8 (bytes that are not UTF-8 as \\x escapes),
    and its length in bytes."""
    text = body.decode("utf-8", "backslashreplace")
    shown = checks.short(text)
    return shown if shown.endswith(" in all)") else f"{shown} ({len(body)} bytes)"


@dataclass(frozen=True)
class Session:
    """The replies to a series of requests, and how many connections each server accepted."""

    replies: tuple
    connections: tuple
    versions: tuple = ()

    def __getitem__(self, index) -> Reply:
        return self.replies[index]

    def expect_one_connection(self) -> None:
        count = self.connections[0]
        versions = sorted(set(self.versions))
        checks.that(count == 1,
                    f"{len(self.replies)} requests were sent one after another on one "
                    f"connection (as browsers and clients do), but the server accepted {count} "
                    f"connections: it closed the connection after an answer (it answered with "
                    f"{' and '.join(versions) or 'no status line'}). A handler answers in "
                    "HTTP/1.1 and keeps the connection open with protocol_version = 'HTTP/1.1'.")


@dataclass(frozen=True)
class Crowd:
    """Notes posted by several clients at once, and what reading them back gave."""

    clients: int
    together: int
    """How many requests were reading their body at the same moment (at most ``clients``)."""
    posts: tuple
    notes: tuple
    gets: tuple

    def expect_all_stored(self) -> None:
        for reply in self.posts:
            reply.expect(201)
        locations = [reply.header("Location") for reply in self.posts]
        expected = {f"/notes/{n}" for n in range(1, len(self.posts) + 1)}
        repeated = sorted({loc for loc in locations if locations.count(loc) > 1}, key=str)
        checks.that(not repeated,
                    f"{len(self.posts)} notes were posted by {self.clients} clients at once, but "
                    f"some got the same Location: {', '.join(map(str, repeated))}. Two notes "
                    "must never get the same id (take the next id and store the note under "
                    "one lock, after the body has been read).")
        checks.that(set(locations) == expected,
                    f"{len(self.posts)} notes were posted to a new server; expected the "
                    f"Locations /notes/1 to /notes/{len(self.posts)}, got "
                    f"{checks.short(sorted(locations, key=str))}.")
        for note, reply in zip(self.notes, self.gets):
            reply.expect(200, body=note.encode())

    def expect_together(self) -> None:
        checks.that(self.together == self.clients,
                    f"{self.clients} clients each sent a POST at the same moment, but your "
                    f"handler read at most {self.together} of the bodies at the same time: the "
                    f"others waited (for {GATE:g} s, until the test gave up waiting). Does it "
                    "hold a lock while it reads the request? Hold a lock only around what "
                    "must not interleave (numbering and storing the note).")


# -------------------------------------------------------------- the grader's server

class _Gate:
    """Holds each of the first ``size`` requests that start reading their body until
    ``size`` are reading at once, or until ``GATE`` seconds have passed; after that the
    gate stays open. ``together`` is the most that were waiting at once."""

    def __init__(self, size: int):
        self.size = size
        self.arrived = 0
        self.together = 0
        self.open = size <= 1
        self._condition = threading.Condition()

    def enter(self) -> None:
        with self._condition:
            if self.open:
                return
            self.arrived += 1
            self.together = max(self.together, self.arrived)
            if self.arrived >= self.size:
                self.open = True
                self._condition.notify_all()
                return
            deadline = time.monotonic() + GATE
            while not self.open:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    self.open = True  # give up: let every request through from now on
                    self._condition.notify_all()
                    return
                self._condition.wait(remaining)


class _Reader:
    """The handler's ``rfile``: lines (the request line and headers) pass; the first
    read of a body goes through the server's gate."""

    def __init__(self, rfile, gate):
        self._rfile = rfile
        self._gate = gate
        self._gated = False

    def _through_gate(self):
        if not self._gated:
            self._gated = True
            self._gate.enter()

    def read(self, *args):
        self._through_gate()
        return self._rfile.read(*args)

    def read1(self, *args):
        self._through_gate()
        return self._rfile.read1(*args)

    def readinto(self, buffer):
        self._through_gate()
        return self._rfile.readinto(buffer)

    def __getattr__(self, name):
        return getattr(self._rfile, name)


def _no_logging(self, format, *args):
    pass


class _Server(ThreadingHTTPServer):
    """A ThreadingHTTPServer for the student's handler class on 127.0.0.1, port 0, with
    logging off; it counts connections and records what the handler raised."""

    daemon_threads = True

    def __init__(self, handler_class, gate: _Gate | None = None):
        namespace = {"log_message": _no_logging}
        if gate is not None:
            def setup(handler):
                handler_class.setup(handler)
                handler.rfile = _Reader(handler.rfile, gate)
            namespace["setup"] = setup
        quiet = type(getattr(handler_class, "__name__", "Handler"), (handler_class,), namespace)
        self.gate = gate
        self.connections = 0
        self.errors = []
        self._lock = threading.Lock()
        super().__init__((HOST, 0), quiet)
        self.port = self.server_address[1]
        self._thread = threading.Thread(target=self.serve_forever, args=(0.05,), daemon=True)
        self._thread.start()

    def process_request(self, request, client_address):
        with self._lock:
            self.connections += 1
        super().process_request(request, client_address)

    def handle_error(self, request, client_address):
        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError)):
            return  # the client went away (a test gave up waiting)
        text = f"  {type(error).__name__}: {error}"
        lines = isolation.student_lines(error.__traceback__)
        if lines:
            text += "\n" + lines
        with self._lock:
            self.errors.append(text)

    def stop(self):
        self.shutdown()
        self.server_close()
        self._thread.join(timeouts.JOIN)


def _serving(handler_class, gate=None) -> _Server:
    if not (isinstance(handler_class, type) and issubclass(handler_class, BaseHTTPRequestHandler)):
        raise TypeError(f"{checks.short(handler_class)} is not a class derived from "
                        "BaseHTTPRequestHandler")
    return _Server(handler_class, gate)


# ------------------------------------------------------------------------ requests

@dataclass(frozen=True)
class Ask:
    """A request to send: ``via`` is the client ('http.client', 'same connection',
    'requests', 'curl', 'raw'); ``raw`` is the exact bytes a raw socket sends."""

    method: str
    path: str
    body: bytes | None = None
    headers: tuple = ()
    via: str = "http.client"
    server: int = 0
    raw: bytes | None = None
    words: str = ""

    def describe(self, servers: int) -> str:
        if self.words:
            text = self.words
        else:
            text = f"{self.method} {self.path}"
            if self.body is not None:
                try:
                    text += f" with the note {checks.short(self.body.decode())}"
                except UnicodeDecodeError:
                    text += f" with the body {checks.short(self.body)}"
                if len(self.body) <= 70:
                    text += f" ({len(self.body)} bytes)"
        if servers > 1:
            text += f" to server {'AB'[self.server]}"
        return text + _VIA.get(self.via, "")


_VIA = {"http.client": ", sent with http.client", "requests": ", sent with requests",
        "curl": ", sent with curl",
        "same connection": ", sent with http.client on the connection of the requests before it"}


def post(text: str, path: str = "/notes", **kwargs) -> Ask:
    return Ask("POST", path, text.encode(), **kwargs)


def get(path: str, **kwargs) -> Ask:
    return Ask("GET", path, **kwargs)


def head(path: str, **kwargs) -> Ask:
    return Ask("HEAD", path, **kwargs)


def raw(method: str, path: str, data: bytes, words: str) -> Ask:
    """A request sent byte for byte from a raw socket, which then reads until the server
    closes the connection (``data`` should say ``Connection: close``)."""
    return Ask(method, path, via="raw", raw=data, words=words)


def talk(handler_class, asks: list, servers: int = 1) -> Session:
    """Start ``servers`` grader servers for ``handler_class``, send ``asks`` one after
    another, and return the replies. Runs in the child of ``checks.call``."""
    started = []
    kept = {}
    web = None
    replies, versions = [], []
    try:
        for _ in range(servers):
            started.append(_serving(handler_class))
        for ask in asks:
            if replies and "within" in replies[-1].problem:
                replies.append(Reply(ask.describe(servers), method=ask.method,
                                     problem="it was not sent, because an earlier request got no answer"))
                continue
            server = started[ask.server]
            before = len(server.errors)
            if ask.via == "requests":
                import requests
                if web is None:
                    web = requests.Session()
                    web.trust_env = False  # no proxy from the environment
                reply = _with_requests(web, server.port, ask)
            elif ask.via == "curl":
                reply = _with_curl(server.port, ask)
            elif ask.via == "raw":
                reply = _with_socket(server.port, ask)
            else:
                connection = None
                if ask.via == "same connection":
                    connection = kept.setdefault(ask.server, http.client.HTTPConnection(HOST, server.port, timeout=WAIT))
                reply = _with_http_client(server.port, ask, connection)
            if reply.version:
                versions.append(reply.version)
            errors = tuple(server.errors[before:])
            replies.append(_replace(reply, asked=ask.describe(servers), method=ask.method, errors=errors))
    finally:
        for connection in kept.values():
            connection.close()
        if web is not None:
            web.close()
        for server in started:
            server.stop()
    return Session(tuple(replies), tuple(s.connections for s in started), tuple(versions))


def _replace(reply: Reply, **changes) -> Reply:
    import dataclasses
    return dataclasses.replace(reply, **changes)


def _with_http_client(port, ask, connection=None) -> Reply:
    own = connection is None
    if own:
        connection = http.client.HTTPConnection(HOST, port, timeout=WAIT)
    try:
        connection.request(ask.method, ask.path, body=ask.body, headers=dict(ask.headers))
        response = connection.getresponse()
        version = {10: "HTTP/1.0", 11: "HTTP/1.1"}.get(response.version, str(response.version))
        status, reason, headers = response.status, response.reason, tuple(response.getheaders())
        try:
            body = response.read()
        except http.client.IncompleteRead as error:
            return Reply(ask.path, status=status, reason=reason, headers=headers, version=version,
                         problem=f"the connection ended after {len(error.partial)} bytes of a "
                                 f"body of {error.expected + len(error.partial)} bytes "
                                 "(Content-Length)")
        except TimeoutError:
            return Reply(ask.path, status=status, reason=reason, headers=headers, version=version,
                         problem=f"the body did not end within {WAIT:g} s (status {status}, "
                                 f"Content-Length: {response.getheader('Content-Length')}); "
                                 "is Content-Length larger than the body?")
        return Reply(ask.path, status=status, reason=reason, headers=headers, body=body, version=version)
    except TimeoutError:
        connection.close()
        return Reply(ask.path, problem=f"no answer came within {WAIT:g} s (is the handler waiting "
                                       "for something the client never sends, such as more body "
                                       "than Content-Length says?)")
    except http.client.RemoteDisconnected:
        connection.close()
        return Reply(ask.path, problem="the server closed the connection without answering")
    except http.client.BadStatusLine as error:
        connection.close()
        return Reply(ask.path, problem=f"the answer did not start with a status line but with "
                                       f"{checks.short(error.line)}: were bytes of an earlier answer "
                                       "left on the connection (more body than its Content-Length "
                                       "said, or a body after HEAD)?")
    except (http.client.HTTPException, OSError) as error:
        connection.close()
        return Reply(ask.path, problem=f"the answer could not be read as HTTP "
                                       f"({type(error).__name__}: {error})")
    finally:
        if own:
            connection.close()


def _with_requests(web, port, ask) -> Reply:
    import requests
    try:
        response = web.request(ask.method, f"http://{HOST}:{port}{ask.path}", data=ask.body,
                               headers=dict(ask.headers), timeout=WAIT)
        body = response.content
        return Reply(ask.path, status=response.status_code, reason=response.reason,
                     headers=tuple(response.headers.items()), body=body,
                     decoded=response.text, encoding=response.encoding)
    except requests.RequestException as error:
        return Reply(ask.path, problem=f"requests failed: {type(error).__name__}: {error}")


def _with_curl(port, ask) -> Reply:
    argv = ["curl", "--silent", "--show-error", "--include", "--noproxy", "*",
            "--max-time", f"{WAIT:g}"]
    if ask.method == "HEAD":
        argv.append("--head")
    elif ask.method != "GET" or ask.body is not None:
        argv += ["--request", ask.method]
    if ask.body is not None:
        argv += ["--data-binary", "@-"]
    for name, value in ask.headers:
        argv += ["--header", f"{name}: {value}"]
    argv.append(f"http://{HOST}:{port}{ask.path}")
    try:
        done = subprocess.run(argv, input=ask.body or b"", capture_output=True,
                              timeout=WAIT + timeouts.EXIT)
    except subprocess.TimeoutExpired:
        return Reply(ask.path, problem=f"curl got no answer within {WAIT:g} s")
    if done.returncode != 0:
        return Reply(ask.path, problem=f"curl failed (exit status {done.returncode}): "
                                       f"{done.stderr.decode(errors='replace').strip()}")
    return _parse(ask.path, done.stdout)


def _with_socket(port, ask) -> Reply:
    data = b""
    try:
        with socket.create_connection((HOST, port), timeout=WAIT) as sock:
            sock.sendall(ask.raw)
            deadline = time.monotonic() + WAIT
            while True:
                sock.settimeout(max(0.01, deadline - time.monotonic()))
                chunk = sock.recv(65536)
                if not chunk:
                    break
                data += chunk
    except TimeoutError:
        if not data:
            return Reply(ask.path, problem=f"no answer came within {WAIT:g} s (the server "
                                           "neither answered nor closed the connection: is the "
                                           "handler waiting for a body that never comes?)")
        return Reply(ask.path, problem=f"the server did not close the connection within "
                                       f"{WAIT:g} s after the request said 'Connection: close'; "
                                       f"what came: {checks.short(data)}")
    except OSError as error:
        if not data:
            return Reply(ask.path, problem=f"the connection failed ({type(error).__name__}: {error})")
    if not data:
        return Reply(ask.path, problem="the server closed the connection without answering")
    return _parse(ask.path, data)


def _parse(path, data: bytes) -> Reply:
    """Status, headers and body of a response as it came off the wire (1xx answers skipped)."""
    while True:
        head, separator, rest = data.partition(b"\r\n\r\n")
        if not separator:
            return Reply(path, problem=f"the answer has no blank line after its headers: "
                                       f"{checks.short(data)}")
        lines = head.decode("iso-8859-1").split("\r\n")
        parts = lines[0].split(" ", 2)
        try:
            status = int(parts[1])
        except (IndexError, ValueError):
            return Reply(path, problem=f"the answer does not start with a status line: "
                                       f"{checks.short(data)}")
        if 100 <= status < 200:
            data = rest
            continue
        headers = tuple(tuple(part.strip() for part in line.split(":", 1))
                        for line in lines[1:] if ":" in line)
        return Reply(path, status=status, reason=parts[2] if len(parts) > 2 else "",
                     headers=headers, body=rest, version=parts[0])


# -------------------------------------------------------------------- many at once

def crowd(handler_class, clients: int = 8, each: int = 3) -> Crowd:
    """Post ``each`` notes from each of ``clients`` threads that start together; the
    first body read of each of the first ``clients`` requests waits (up to ``GATE`` s)
    until all of them are reading. Then read every note back by its Location."""
    gate = _Gate(clients)
    server = _serving(handler_class, gate)
    start = threading.Barrier(clients)
    posted = {}

    def client(number):
        try:
            start.wait(WAIT)
        except threading.BrokenBarrierError:
            pass
        for index in range(each):
            note = f"note {index} of client {number} ✓"
            ask = post(note)
            try:
                reply = _with_http_client(server.port, ask)
            except Exception as error:  # a grader thread must not die (isolation reports that)
                reply = Reply(ask.path, problem=f"the client failed: {type(error).__name__}: {error}")
            posted[number, index] = (note, _replace(reply, asked=ask.describe(1), method="POST"))

    try:
        threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(GATE + each * (WAIT + 1) + 1)
        notes, posts, gets = [], [], []
        for key in sorted(posted):
            note, reply = posted[key]
            notes.append(note)
            errors = tuple(server.errors)
            posts.append(_replace(reply, errors=errors))
            location = reply.header("Location")
            if reply.status == 201 and location:
                ask = get(location)
                gets.append(_replace(_with_http_client(server.port, ask), asked=ask.describe(1)
                                     + f" (the Location of {note!r})", method="GET"))
        return Crowd(clients, gate.together, tuple(posts), tuple(notes), tuple(gets))
    finally:
        server.stop()


# --------------------------------------------------------------- serve_in_background

GREETING = b"hello from the grader's handler\n"


class Greeter(BaseHTTPRequestHandler):
    """The grader's handler for serve_in_background: answers every GET with GREETING
    (HTTP/1.0: one request per connection); with a gate on the server class, each of the
    first requests waits until ``size`` are in flight at once."""

    gate = None

    def do_GET(self):
        if self.gate is not None:
            self.gate.enter()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(GREETING)))
        self.end_headers()
        self.wfile.write(GREETING)

    def log_message(self, format, *args):
        pass


@dataclass(frozen=True)
class Launch:
    """What serve_in_background returned and how its server behaved."""

    call: str
    result: str
    """The result in words, when it is not a (ThreadingHTTPServer, int) pair; else ''."""
    host: str = ""
    port: object = None
    bound_port: int = 0
    answers: tuple = ()
    """(status, body) or a problem in words, for each request, in order."""
    threads: tuple = ()
    """(name, daemon) of each thread the call started."""
    together: int = 0
    stopped: str = ""
    """Why shutting the server down failed; empty when it stopped."""
    second_port: int = 0

    def expect_pair(self) -> None:
        checks.that(not self.result, f"{self.call} should return (server, port) with a "
                                     f"ThreadingHTTPServer and an int; it returned {self.result}")
        checks.that(type(self.port) is int,
                    f"{self.call} returned the port {checks.short(self.port)} (of type "
                    f"{type(self.port).__name__}); expected an int")
        checks.that(self.port == self.bound_port,
                    f"{self.call} returned the port {self.port}, but its server listens on port "
                    f"{self.bound_port}. With port 0 the system picks a free port: read it "
                    "from server.server_address after the server is made.")
        checks.that(self.host == HOST,
                    f"{self.call}: the server listens on {self.host!r}; expected {HOST!r} (only "
                    "this computer may connect; '' or '0.0.0.0' accept connections from "
                    "every network the computer is on)")

    def expect_answers(self) -> None:
        for number, answer in enumerate(self.answers, 1):
            checks.that(answer == (200, GREETING),
                        f"{self.call}: request {number} of {len(self.answers)} (GET / sent right "
                        f"after it returned, one after another): expected status 200 and "
                        f"{GREETING!r}, got {answer if isinstance(answer, str) else answer!r}. "
                        "The server must serve every request until it is shut down "
                        "(serve_forever).")

    def expect_daemon(self) -> None:
        checks.that(bool(self.threads), f"{self.call} started no thread: the server must serve "
                                        "in a background thread")
        others = [name for name, daemon in self.threads if not daemon]
        checks.that(not others,
                    f"{self.call} started the thread {others[0] if others else ''!r}, which is "
                    "not a daemon thread: a program that ends would wait for it forever. Pass "
                    "daemon=True to threading.Thread.")

    def expect_stops(self) -> None:
        checks.that(not self.stopped, f"{self.call}: {self.stopped}")

    def expect_together(self, size: int) -> None:
        checks.that(self.together == size,
                    f"{self.call}: {size} clients sent a request at the same moment, but the "
                    f"server handled at most {self.together} at a time (each waited for the "
                    f"others for up to {GATE:g} s). A ThreadingHTTPServer handles each "
                    "connection in a thread of its own; an HTTPServer one after another.")

    def expect_two_ports(self) -> None:
        checks.that(self.second_port and self.second_port != self.port,
                    f"{self.call} was called twice, and both servers should serve at once on "
                    f"two free ports; the ports were {self.port} and {self.second_port or 'none'}.")


class Launching:
    """A probe: ``Launching(serve_in_background)(requests, together=0, twice=False)``
    calls the student's function with the grader's handler class in the child, sends
    ``requests`` GETs one after another with urllib.request, then (with ``together``)
    that many at once through a gate, optionally starts a second server, then shuts the
    servers down and returns a ``Launch``. Messages name it as the student's function."""

    def __init__(self, fn):
        self.fn = fn
        self.__name__ = getattr(fn, "__name__", "serve_in_background")

    def __call__(self, requests: int = 1, together: int = 0, twice: bool = False) -> Launch:
        handler = type("Greeter", (Greeter,), {"gate": None})
        call = f"{self.__name__}(Greeter)"
        before = set(threading.enumerate())
        result = self.fn(handler)
        started = [t for t in threading.enumerate() if t not in before]
        threads = tuple((t.name, t.daemon) for t in started)
        if not (type(result) is tuple and len(result) == 2
                and isinstance(result[0], ThreadingHTTPServer)):
            words = checks.short(result)
            if type(result) is tuple and len(result) == 2:
                words = (f"an object of type {type(result[0]).__name__} and "
                         f"{checks.short(result[1])}; that server is not a ThreadingHTTPServer, "
                         "which serves each connection in a thread of its own")
            _shut(result[0] if type(result) is tuple and result else None)
            return Launch(call, words or "None", threads=threads)
        server, port = result
        host, bound_port = server.server_address[:2]
        launch = dict(call=call, result="", host=host, port=port, bound_port=bound_port, threads=threads)
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        answers = []
        for _ in range(requests):
            if answers and answers[-1] != (200, GREETING):
                answers.append("not sent, because the request before it failed")
            else:
                answers.append(_fetch(opener, bound_port))
        together_seen = 0
        if together:
            handler.gate = _Gate(together)
            results = [None] * together
            workers = [threading.Thread(target=lambda i=i: results.__setitem__(i, _fetch(opener, bound_port)),
                                        daemon=True) for i in range(together)]
            for worker in workers:
                worker.start()
            for worker in workers:
                worker.join(GATE + WAIT + 1)
            together_seen = handler.gate.together
            answers += results
        second = 0
        if twice:
            other = self.fn(Greeter)
            if type(other) is tuple and len(other) == 2 and hasattr(other[0], "server_address"):
                second = other[0].server_address[1]
                if _fetch(opener, second) != (200, GREETING):
                    second = 0
                _shut(other[0])
        stopped = _shut(server, started)
        return Launch(**launch, answers=tuple(answers), together=together_seen,
                      stopped=stopped, second_port=second)


def _fetch(opener, port):
    try:
        with opener.open(f"http://{HOST}:{port}/", timeout=WAIT) as response:
            return response.status, response.read()
    except TimeoutError:
        return f"no answer within {WAIT:g} s"
    except Exception as error:  # urllib wraps most failures in URLError
        return f"{type(error).__name__}: {error}"


def _shut(server, threads=()) -> str:
    """Shut ``server`` down (from another thread, with a deadline) and wait for
    ``threads`` to end; return what went wrong, in words, or ''."""
    if not hasattr(server, "shutdown"):
        return "it did not return a server to shut down"
    stopper = threading.Thread(target=server.shutdown, daemon=True)
    stopper.start()
    stopper.join(timeouts.JOIN)
    if stopper.is_alive():
        return (f"server.shutdown() did not return within {timeouts.JOIN:g} s: it waits for "
                "serve_forever() to stop, so the server must run serve_forever() in its thread")
    server.server_close()
    for thread in threads:
        thread.join(timeouts.JOIN)
        if thread.is_alive():
            return (f"the thread {thread.name!r} it started was still running "
                    f"{timeouts.JOIN:g} s after server.shutdown(); let it run serve_forever() "
                    "and nothing else")
    return ""
