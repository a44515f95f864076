"""Stream (TCP and Unix) peers: a server that runs a handler per connection on grader
threads, the handlers later notebooks need, and client helpers that send in pieces."""

import selectors
import socket
import threading
import time

from course import timeouts
from course.peers import threads
from course.peers.lifecycle import Peer


class StreamServer(Peer):
    """Listens on 127.0.0.1 port 0 (or on the Unix socket ``path``) and runs
    ``handler(conn)`` for every connection on a thread of its own. Keeps count of the
    connections open at once (``peak``) and of what went wrong in handlers (``errors``),
    which never reaches stderr."""

    def __init__(self, handler, *, path: str | None = None):
        family = socket.AF_UNIX if path else socket.AF_INET
        self._listener = socket.socket(family, socket.SOCK_STREAM)
        self._listener.bind(path or ("127.0.0.1", 0))
        self._listener.listen(64)
        self.address = self._listener.getsockname()
        self._handler = handler
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._handlers: list[threading.Thread] = []
        self.accepted = 0
        self.open_now = 0
        self.peak = 0
        self.errors: list[BaseException] = []
        self._acceptor = threads.start(self._accept_loop, name=f"stream server {self.address}")

    def _stop(self) -> None:
        """Stop accepting, wait for the handlers, release the socket."""
        self._stopping.set()
        threads.join(self._acceptor)
        self._listener.close()
        for thread in self._handlers:
            threads.join(thread)

    def _accept_loop(self):
        with selectors.DefaultSelector() as selector:
            selector.register(self._listener, selectors.EVENT_READ)
            while not self._stopping.is_set():
                if not selector.select(timeout=0.02):
                    continue
                conn, _ = self._listener.accept()
                conn.settimeout(timeouts.IO)
                with self._lock:
                    self.accepted += 1
                self._handlers.append(threads.start(self._serve, conn, name="stream handler"))

    def _serve(self, conn):
        with self._lock:
            self.open_now += 1
            self.peak = max(self.peak, self.open_now)
        try:
            with conn:
                self._handler(conn)
        except Exception as error:  # a peer's misbehaviour is data for the test, not noise
            self.errors.append(error)
        finally:
            with self._lock:
                self.open_now -= 1


def recv_to_eof(conn: socket.socket) -> bytes:
    """Everything the peer sends until it closes its side."""
    parts = []
    while data := conn.recv(1 << 16):
        parts.append(data)
    return b"".join(parts)


def echo(*, chunk: int | None = None, pause: float = 0.0, received: list | None = None):
    """A handler that reads the whole request (until the client half-closes), then sends
    it back, ``chunk`` bytes at a time with ``pause`` seconds between pieces (a peer that
    dribbles). What it read is appended to ``received``."""

    def handle(conn):
        data = recv_to_eof(conn)
        if received is not None:
            received.append(data)
        send_in_pieces(conn, data, chunk=chunk or max(1, len(data)), pause=pause)

    return handle


def send_in_pieces(conn: socket.socket, data: bytes, *, chunk: int, pause: float = 0.0) -> None:
    """Send ``data`` in pieces of ``chunk`` bytes, pausing between them, so that the
    receiver sees them arrive separately."""
    for start in range(0, len(data), chunk):
        conn.sendall(data[start:start + chunk])
        if pause and start + chunk < len(data):
            time.sleep(pause)


def connect(address, timeout: float = timeouts.IO) -> socket.socket:
    """A client socket connected to ``address`` (a (host, port) pair or a Unix path)."""
    family = socket.AF_UNIX if isinstance(address, str) else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.settimeout(timeout)
    try:
        sock.connect(address)
    except BaseException:
        sock.close()
        raise
    return sock


def recv_exactly(conn: socket.socket, size: int) -> bytes:
    """Read until ``size`` bytes came, or the peer closed (then fewer come back)."""
    parts, count = [], 0
    while count < size:
        data = conn.recv(size - count)
        if not data:
            break
        parts.append(data)
        count += len(data)
    return b"".join(parts)
