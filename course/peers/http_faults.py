"""HTTP peers that misbehave on purpose, for testing clients: a port that refuses, a
server that accepts and never answers, a server that answers from a script (fail twice,
then answer), and a server that holds requests until enough of them are in flight.

Every server here is quiet: ``http.server`` writes request logs and handler tracebacks
(a client that hung up early) to stderr, which would make nbgrader score a test cell 0;
here they are kept in ``errors``. Closing a server waits for its handler threads, whose
every wait has a deadline, so nothing is left running after ``close()``.
"""

import socket
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from course import timeouts
from course.peers import threads
from course.peers.http import InFlight
from course.peers.lifecycle import Peer

GATE = 3.0
"""Seconds a gated request waits at most for its companions: only a client that keeps
fewer requests in flight than it should ever waits this long. After one such wait the
gate stays open, so that a wrong client fails with a clear count, not a timeout."""

HOLD = 0.1
"""Seconds a gated request is held after its gate opened, so that requests beyond the
limit, which a client without a limit sends at once, are seen in flight too."""

SPACING = 0.3
"""Seconds between two answers in reverse order, so that the client surely receives
them in that order."""


class Refusing(Peer):
    """A port on 127.0.0.1 where nothing listens: connecting is refused. The socket is
    bound (so no other program can take the port meanwhile) but never listens."""

    def __init__(self):
        self._socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._socket.bind(("127.0.0.1", 0))
        self.port = self._socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"

    def _stop(self) -> None:
        self._socket.close()


class Silent(Peer):
    """A server that lets clients connect (the operating system completes the handshake
    for a listening socket) and never reads nor answers anything."""

    def __init__(self):
        self._socket = socket.create_server(("127.0.0.1", 0), backlog=64)
        self.port = self._socket.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"

    def _stop(self) -> None:
        self._socket.close()


@dataclass(frozen=True)
class Answer:
    """One HTTP answer: status, body, Content-Type; ``chunked`` sends the body with
    ``Transfer-Encoding: chunked`` (in pieces, without a Content-Length)."""

    status: int
    body: bytes = b""
    content_type: str = "application/json"
    chunked: bool = False


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = False  # server_close() then waits for the handler threads
    block_on_close = True
    request_queue_size = 64  # a client without a limit connects many times at once

    def __init__(self, handler_class):
        super().__init__(("127.0.0.1", 0), handler_class)
        self.errors: list[BaseException] = []

    def handle_error(self, request, client_address):
        import sys
        self.errors.append(sys.exc_info()[1])


class _QuietHttp(Peer):
    """A quiet threading HTTP server on 127.0.0.1 port 0 whose handler calls
    ``self.answer(handler)`` for every GET."""

    def __init__(self):
        peer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            timeout = timeouts.IO

            def log_message(self, *args):
                pass

            def do_GET(self):
                peer._serve(self)

        self.server = _QuietServer(Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.errors = self.server.errors
        self._thread = threads.start(self.server.serve_forever, 0.02, name=f"http peer {self.port}")

    def _stop(self) -> None:
        self.server.shutdown()
        threads.join(self._thread)
        self.server.server_close()

    def _serve(self, handler) -> None:
        raise NotImplementedError


def send(handler: BaseHTTPRequestHandler, answer: Answer) -> None:
    """Send ``answer`` from a ``BaseHTTPRequestHandler``."""
    handler.send_response(answer.status)
    handler.send_header("Content-Type", answer.content_type)
    if answer.chunked:
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        for start in range(0, len(answer.body), 1000):
            piece = answer.body[start:start + 1000]
            handler.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            handler.wfile.flush()
        handler.wfile.write(b"0\r\n\r\n")
    else:
        handler.send_header("Content-Length", str(len(answer.body)))
        handler.end_headers()
        handler.wfile.write(answer.body)


class Scripted(_QuietHttp):
    """Answers GET requests from a script: a path in ``routes`` gets its answer; any
    other path gets the next answer of ``answers`` (the last one again once they run
    out). Every path asked is noted in ``paths``, in order."""

    def __init__(self, answers=(), routes=None):
        self.answers = list(answers)
        self.routes = dict(routes or {})
        self.paths: list[str] = []
        self._lock = threading.Lock()
        super().__init__()

    def _serve(self, handler) -> None:
        with self._lock:
            self.paths.append(handler.path)
            if handler.path in self.routes:
                answer = self.routes[handler.path]
            elif len(self.answers) > 1:
                answer = self.answers.pop(0)
            elif self.answers:
                answer = self.answers[0]
            else:
                answer = Answer(404, b'{"error": "not found"}')
        send(handler, answer)


class Gated(_QuietHttp):
    """Counts the GET requests in flight (``counter.peak``, ``counter.total``) and holds
    each one until ``target`` are in flight at once, or all ``expected`` requests have
    come, or ``GATE`` seconds have passed; then ``HOLD`` seconds more. It lowers its
    count, then answers the path as text: ``/item/3`` gets ``"answer to /item/3"``.

    With ``reverse=True`` (for paths ``/item/0`` .. ``/item/N-1``, N = ``expected``), it
    answers a request ``SPACING`` seconds after every request with a larger number was
    answered (or after ``GATE`` seconds): the answers come back in the reverse order.

    With ``straggler=N``, it holds ``/item/N`` (after its gate) until all ``expected``
    requests have come: a client that starts a new request as soon as one is answered
    sends them all meanwhile; a client that waits for a whole batch before it sends the
    next never does, and the straggler waits out ``GATE`` (``held_back`` is then true).

    ``late`` counts the requests that waited out the gate (the client kept fewer in
    flight than ``target``); after the first, the gate and the ordering stay open."""

    def __init__(self, expected: int, target: int, *, reverse: bool = False, straggler: int | None = None):
        self.expected = expected
        self.target = target
        self.reverse = reverse
        self.straggler = straggler
        self.counter = InFlight()
        self.late = 0
        """Requests that waited the whole GATE: the client kept too few in flight."""
        self.held_back = False
        """The straggler waited the whole GATE: the client sent no new request meanwhile."""
        self._changed = threading.Condition()
        self._answered: set[int] = set()
        super().__init__()

    def _serve(self, handler) -> None:
        self.counter.enter()
        with self._changed:
            self._changed.notify_all()
            opened = self._changed.wait_for(
                lambda: self.late or self.counter.now >= self.target or self.counter.total >= self.expected,
                GATE)
            if not opened:
                self.late += 1
                self._changed.notify_all()
        time.sleep(HOLD)
        number = _item_number(handler.path)
        if number is not None and number == self.straggler:
            with self._changed:
                if not self._changed.wait_for(lambda: self.late or self.counter.total >= self.expected, GATE):
                    self.held_back = True
                    self.late += 1
                    self._changed.notify_all()
        if self.reverse and number is not None:
            with self._changed:
                if not self._changed.wait_for(
                        lambda: self.late or all(n in self._answered for n in range(number + 1, self.expected)),
                        GATE):
                    self.late += 1
                    self._changed.notify_all()
            if number + 1 < self.expected and not self.late:
                time.sleep(SPACING)
        self.counter.leave()
        send(handler, Answer(200, f"answer to {handler.path}".encode(), "text/plain; charset=utf-8"))
        handler.wfile.flush()
        with self._changed:
            if number is not None:
                self._answered.add(number)
            self._changed.notify_all()


def _item_number(path: str) -> int | None:
    head, _, tail = path.rpartition("/")
    return int(tail) if head.endswith("item") and tail.isdigit() else None
