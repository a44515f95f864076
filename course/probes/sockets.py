"""Notebook 06 (sockets): grader peers and probes for the hidden tests of ``tcp_request``,
``unix_echo``, ``udp_ask`` and ``handle_upper``.

- ``slow_reader``: a stream handler that reads a large request slowly and answers with a
  short summary of what it received, so that a client whose ``send()`` sent only part of
  the request is seen to have sent only part of it.
- ``Interrupted``: a probe that calls the student's function in the child while a timer
  signal arrives every few milliseconds. On Linux a blocking ``send()`` without a timeout
  usually waits until all the data is in the socket's buffer; a signal that arrives
  while it waits makes it return early, with the count of what it sent so far (as it
  does on a socket with a timeout whose buffer is full). ``sendall()`` carries on;
  ``send()`` alone does not.
- ``files_in``: Python's own ``http.server`` as a real server for ``tcp_request``.
- ``count_datagrams``: how many datagrams a UDP server got, counted exactly.
- ``Conversation``: runs the student's ``handle_upper`` on a thread of the child, against
  a real TCP connection, and plays a grader client that sends pieces and waits for each
  answer before it sends more; returns a ``Transcript`` of what happened.
"""

import contextlib
import hashlib
import os
import select
import signal
import socket
import threading
import time
import uuid
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler

from course import checks, isolation, timeouts
from course.peers import stream

LARGE = bytes(range(256)) * (32 << 10)
"""An 8 MiB request: more than the socket buffers of both sides hold at once."""

INTERVAL = 0.005
"""Seconds between two timer signals of ``Interrupted``."""

QUIET = 0.3
"""Seconds the grader client listens after sending an incomplete line, to see that no
answer comes. A correct handler never answers there, so this wait cannot fail it; it only
gives a wrong one (one that answers each piece as it comes) time to show itself."""


# ------------------------------------------------------------------ large requests

def summary(data_or_count, digest: str | None = None) -> bytes:
    """The answer of ``slow_reader``: the number of bytes received and their SHA-256."""
    if digest is None:
        data_or_count, digest = len(data_or_count), hashlib.sha256(data_or_count).hexdigest()
    return f"received {data_or_count} bytes, sha256 {digest}\n".encode()


def slow_reader(received: list, *, chunk: int = 64 << 10, pause: float = 0.001):
    """A stream handler that reads the request until the client half-closes, ``chunk``
    bytes at a time with ``pause`` seconds between reads (its receive buffer kept small),
    then answers ``summary(request)``. Appends ``(count, sha256)`` to ``received``."""

    def handle(conn):
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, chunk)
        digest, count = hashlib.sha256(), 0
        while data := conn.recv(chunk):
            digest.update(data)
            count += len(data)
            time.sleep(pause)
        received.append((count, digest.hexdigest()))
        conn.sendall(summary(count, digest.hexdigest()))

    return handle


class Interrupted:
    """A probe: ``Interrupted(fn)(*args)`` calls ``fn(*args)`` in the child while SIGALRM
    arrives every ``INTERVAL`` seconds (handled, and ignored), and returns what it returned.
    Python resumes a system call that a signal interrupted before it did anything; one
    that had sent part of the data returns that part's length."""

    def __init__(self, fn):
        self.fn = fn
        self.__name__ = getattr(fn, "__name__", "the function")

    def __call__(self, *args):
        previous = signal.signal(signal.SIGALRM, lambda *_: None)
        signal.setitimer(signal.ITIMER_REAL, INTERVAL, INTERVAL)
        try:
            return self.fn(*args)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


def expect_received_all(name: str, reply, received: list, payload: bytes) -> None:
    """Fail unless the slow reader got all of ``payload`` and ``name`` returned its answer."""
    expected = summary(payload)
    checks.that(received, f"{name} sent a request of {len(payload)} bytes, but the server saw no "
                          "request that ended (did the client half-close?)")
    count, digest = received[-1]
    checks.that(count == len(payload),
                f"{name} was to send {len(payload)} bytes to a server that reads slowly, but the "
                f"server received only {count} bytes before the client closed its side. "
                "socket.send() may send only part of the data (it returns how many bytes it "
                "sent); sendall() sends all of it.")
    checks.that(digest == hashlib.sha256(payload).hexdigest(),
                f"{name} sent {count} bytes, as many as it should, but not the same bytes: "
                "some parts were sent twice or out of order.")
    checks.same(reply, expected, what=f"the answer {name} returned")


def returns_from(server, expected: bytes, fn, /, *args, timeout: float = 2 * timeouts.IO) -> None:
    """``checks.returns`` for a client of ``server`` (a ``StreamServer``), which is closed
    after the call: if the server gave up waiting for the end of the request (the client
    never half-closed), the message says so instead of comparing answers. The deadline
    is longer than the server's, so that the server gives up first."""
    value = checks.call(fn, *args, timeout=timeout)
    server.close()
    call = checks.describe_call(fn, args, {})
    checks.that(not any(isinstance(error, TimeoutError) for error in server.errors),
                f"{call}: the server waited {timeouts.IO:g} s for the end of the request, then gave up "
                f"(and {fn.__name__} returned {checks.short(value)}). After sending the request, "
                "half-close the connection with shutdown(socket.SHUT_WR), so that the server's "
                "recv() returns b''.")
    checks.same(value, expected, what=call)


def answering(answer: bytes, *, chunk: int | None = None, pause: float = 0.0):
    """A stream handler that reads the request until the client half-closes, then sends
    ``answer`` (whatever the request was) in pieces of ``chunk`` bytes with ``pause``
    seconds between them."""

    def handle(conn):
        stream.recv_to_eof(conn)
        stream.send_in_pieces(conn, answer, chunk=chunk or max(1, len(answer)), pause=pause)

    return handle


@contextlib.contextmanager
def refusing_port():
    """A port on 127.0.0.1 that refuses connections: a socket is bound to it (so nobody
    else gets it meanwhile) but does not listen."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


@contextlib.contextmanager
def refusing_unix_socket(path: str):
    """A Unix socket file at ``path`` that nothing listens on; removed afterwards."""
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
        sock.bind(path)
        try:
            yield path
        finally:
            os.unlink(path)


# ------------------------------------------------------------------------- a real server

WEB_PAGE = b"".join(b"line %d of a page served by http.server\n" % n for n in range(20_000))
"""About 850 kB: Python's ``http.server`` sends it in many pieces."""


def files_in(folder: str):
    """A ``SimpleHTTPRequestHandler`` (Python's own file server, which the course did not
    write) serving ``folder``, for ``peers.http.HttpServer``. A client that hangs up
    early is not an error worth a traceback on stderr."""

    class Handler(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=folder, **kwargs)

        def handle(self):
            try:
                super().handle()
            except OSError:
                pass

    return Handler


def expect_http_answer(name: str, answer, body: bytes) -> None:
    """Fail unless ``answer`` is a whole HTTP/1.0 "200 OK" response whose body is ``body``."""
    checks.that(type(answer) is bytes, f"{name} returned {checks.short(answer)} (of type "
                                       f"{type(answer).__name__}); expected bytes")
    head, _, got = answer.partition(b"\r\n\r\n")
    checks.that(head.startswith(b"HTTP/1.0 200 OK\r\n"),
                f"{name} sent a GET request to http.server, whose answer starts with "
                f"b'HTTP/1.0 200 OK\\r\\n'; it returned {checks.short(answer)}")
    checks.that(got == body, f"{name} returned an answer of http.server with a body of {len(got)} "
                             f"bytes; the page has {len(body)}. Read until the server closes "
                             "the connection (recv() returns b'').")


# ------------------------------------------------------------------------ datagrams

def count_datagrams(server) -> int:
    """How many datagrams ``server`` (a ``LossyUdpServer``) has received, counted after a
    marker datagram of the grader's own has come: datagrams sent earlier to the same
    socket are queued before it, so none is still on its way."""
    marker = b"#" + uuid.uuid4().hex[:7].encode()  # short: the server answers it like any datagram
    deadline = time.monotonic() + timeouts.IO
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.sendto(marker, server.address)
        while marker not in server.received:
            if time.monotonic() > deadline:
                raise AssertionError("the grader's UDP server stopped answering (a grader problem)")
            time.sleep(0.005)
    return server.received.index(marker)


def udp_returns(server, expected: bytes, fn, message: bytes, timeout: float, retries: int, *,
                lost: int, sends: int) -> None:
    """Call ``fn(host, port, message, timeout, retries)`` for ``server``, which ignores the
    first ``lost`` datagrams; it must return ``expected`` after exactly ``sends`` datagrams."""
    try:
        checks.returns(expected, fn, *server.address, message, timeout, retries,
                       timeout=(1 + retries) * timeout + timeouts.CALL)
    except AssertionError as error:
        count = count_datagrams(server)
        if not count:
            raise
        dropped = (f"; it ignores the first {lost}, as a network that loses them would" if lost
                   else ", and answers each at once")
        raise AssertionError(f"{error}\n(The server received {count} datagram(s){dropped}.)") from None
    call = checks.describe_call(fn, (*server.address, message, timeout, retries), {})
    count = count_datagrams(server)
    checks.that(count == sends, f"{call} returned the right answer, but sent {count} datagram(s); "
                                f"the first {lost} were lost, so {sends} were needed.")


def udp_raises(server, fn, message: bytes, timeout: float, retries: int) -> None:
    """Call ``fn(host, port, message, timeout, retries)`` for ``server``, which does not
    answer the first ``1 + retries`` datagrams (it may answer later ones): it must raise
    ``TimeoutError`` after exactly ``1 + retries`` datagrams."""
    try:
        checks.raises(TimeoutError, fn, *server.address, message, timeout, retries,
                      timeout=(1 + retries) * timeout + timeouts.CALL)
    except AssertionError as error:
        raise AssertionError(f"{error}\n(It sent {count_datagrams(server)} datagram(s); with "
                             f"retries={retries} it may send {1 + retries}.)") from None
    call = checks.describe_call(fn, (*server.address, message, timeout, retries), {})
    count = count_datagrams(server)
    checks.that(count == 1 + retries, f"{call} raised TimeoutError, but it sent {count} datagram(s) "
                                      f"first: with retries={retries} it sends {1 + retries}, no more, no fewer.")


# ---------------------------------------------------------------------- handle_upper

@dataclass(frozen=True)
class Transcript:
    """What happened when the grader client talked to a handler: ``problem`` is None when
    every answer came as expected, else a description in words."""

    problem: str | None

    def expect_ok(self) -> None:
        if self.problem is not None:
            raise AssertionError(self.problem)


class Conversation:
    """A probe: ``Conversation(handler)(steps, end)`` runs ``handler(conn)`` on a thread of
    the child for one TCP connection on 127.0.0.1, and talks to it as a grader client:

    - for each ``(piece, answer)`` of ``steps`` it sends ``piece``, then waits (up to
      ``timeouts.IO``) for exactly ``answer``; an empty ``answer`` means the piece ends
      in an incomplete line, and it listens ``QUIET`` seconds to see that nothing comes;
    - then it half-closes, and expects ``end`` and then the end of the stream, which
      comes when the handler has returned (and the probe, its caller, closed ``conn``).

    Returns a ``Transcript``."""

    def __init__(self, handler):
        self.handler = handler
        self.__name__ = getattr(handler, "__name__", "the handler")

    def __call__(self, steps: list[tuple[bytes, bytes]], end: bytes = b"") -> Transcript:
        name = self.__name__
        outcome: dict = {}
        with socket.create_server(("127.0.0.1", 0)) as listener:
            client = socket.create_connection(listener.getsockname(), timeout=timeouts.IO)
            conn, _ = listener.accept()
        thread = threading.Thread(target=self._serve, args=(conn, outcome), daemon=True)
        thread.start()
        sent: list[bytes] = []
        try:
            for piece, answer in steps:
                client.sendall(piece)
                sent.append(piece)
                problem = (_expect_answer(client, name, sent, answer) if answer
                           else _expect_quiet(client, name, sent))
                if problem:
                    return Transcript(self._with_error(problem, thread, outcome, sent))
            client.shutdown(socket.SHUT_WR)
            tail, ended = _read_to_end(client, len(end) + 4096)
            thread.join(timeouts.JOIN)
            told = _told(sent)
            if outcome.get("error") is not None:
                return Transcript(self._with_error("", thread, outcome, sent))
            if tail != end:
                what = (f"answer the unterminated last line with {end!r}" if end
                        else "send nothing more (every line had been answered)")
                return Transcript(f"{told}, then closed its side. Then {name} should {what}, "
                                  f"but it sent {tail!r}.")
            if not ended or thread.is_alive():
                return Transcript(f"{told}, then closed its side, and got the answers it expected; "
                                  f"but {name} did not return within {timeouts.IO:g} s after that. "
                                  "When recv() returns b'' the client has closed its side: answer "
                                  "what is left and return.")
            return Transcript(None)
        except OSError as error:
            return Transcript(self._with_error(f"{_told(sent)}; then the connection failed "
                                               f"({type(error).__name__}: {error}).", thread, outcome, sent))
        finally:
            client.close()

    def _serve(self, conn, outcome):
        try:
            with conn:
                self.handler(conn)
        except BaseException as error:  # reported by the client side, in words
            outcome["error"] = error
            outcome["where"] = isolation.student_lines(error.__traceback__)

    def _with_error(self, problem, thread, outcome, sent):
        """``problem``, unless the handler raised: then what it raised comes first."""
        thread.join(0.2)
        error = outcome.get("error")
        if error is None:
            return problem
        text = f"{self.__name__} raised {type(error).__name__}: {error}"
        if outcome.get("where"):
            text += f"\nIn your code:\n{outcome['where']}"
        return f"{text}\n({_told(sent)}.)"


def _told(sent: list[bytes]) -> str:
    pieces = ", then ".join(repr(piece) if len(piece) <= 60 else checks.short(piece) for piece in sent)
    return f"The client sent {pieces}" if sent else "The client sent nothing"


def _expect_answer(client, name, sent, answer) -> str:
    got = b""
    deadline = time.monotonic() + timeouts.IO
    while len(got) < len(answer):
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([client], [], [], remaining)[0]:
            return (f"{_told(sent)}, and waited {timeouts.IO:g} s for the answer {checks.short(answer)}, "
                    f"but got {'nothing' if not got else 'only ' + checks.short(got)}. {name} must answer "
                    "each line as soon as its b'\\n' has arrived: the client waits for the answer "
                    "before it sends more, or closes its side.")
        data = client.recv(len(answer) - len(got))
        if not data:
            return (f"{_told(sent)}, and was waiting for the answer {checks.short(answer)}, but "
                    f"{name} returned (the connection was closed) after sending {checks.short(got)}. "
                    "Keep reading until recv() returns b''.")
        got += data
    if got != answer:
        return f"{_told(sent)}: expected the answer {checks.short(answer)}, got {checks.short(got)}."
    return ""


def _expect_quiet(client, name, sent) -> str:
    if not select.select([client], [], [], QUIET)[0]:
        return ""
    data = client.recv(4096)
    if not data:
        return (f"{_told(sent)}, and {name} returned (the connection was closed) while the client "
                "was still sending. Keep reading until recv() returns b''.")
    return (f"{_told(sent)}: the last line is not complete yet (no b'\\n'), but {name} already "
            f"answered {checks.short(data)}. Answer a line only when its b'\\n' has arrived.")


def _read_to_end(client, limit: int) -> tuple[bytes, bool]:
    """Everything up to the end of the stream (at most ``limit`` bytes), and whether the
    end came within the deadline."""
    got = b""
    deadline = time.monotonic() + timeouts.IO
    while len(got) <= limit:
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([client], [], [], remaining)[0]:
            return got, False
        data = client.recv(4096)
        if not data:
            return got, True
        got += data
    return got, False
