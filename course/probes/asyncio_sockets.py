"""Notebook 07 (asyncio sockets): grader peers for ``sock_request``, and probes that run in
the child process next to the student's code for ``sock_request``, ``start_kv_server`` and
``KVProtocol``.

``sock_request`` talks from the child (``checks.call``) to grader servers on threads of the
kernel process (``course.peers``): an echo that dribbles, ``GatedEcho``, which holds every
answer until two requests are in at once, and Python's ``http.server``. ``UsingSockMethods``
wraps the child's running loop's ``sock_*`` methods to prove they were used, on
non-blocking sockets; ``LeftOpen`` records the ResourceWarning of a socket left open.

The student's server never runs on the kernel's loop. ``Serving`` calls ``start_kv_server``
in the child with ``loop.create_server`` wrapped and a stand-in in the place of
``KVProtocol`` (so that this task does not depend on the next one), connects to what it
returned and closes it. ``Conversation`` and ``Crowd`` serve ``KVProtocol`` with
``loop.create_server`` on the child's own loop and talk to it with asyncio clients: steps of
named connections that send, expect an answer or hang up (a conversation), or many clients
at once held together by barriers (a crowd). They return what they saw; the ``expect_*``
functions here turn it into a message that shows the conversation.
"""

import asyncio
import gc
import socket
import struct
import threading
import time
import warnings
from contextlib import contextmanager
from dataclasses import dataclass

from course import checks, timeouts
from course.peers import stream
from course.peers.lifecycle import Peer

HOST = "127.0.0.1"

PAUSE = 0.02
"""Seconds a dribbling echo waits between the bytes of its answer."""

GATE = 3.0
"""Seconds a gated echo holds an answer at most while it waits for a companion request.
Requests sent together arrive within milliseconds; only requests sent one after another
wait this out."""


# ------------------------------------------------------------------------ sock_request

def dribbling_echo() -> stream.StreamServer:
    """An echo server that reads the request until the client half-closes, then sends it
    back one byte at a time with a pause after each."""
    return stream.StreamServer(stream.echo(chunk=1, pause=PAUSE))


def echo() -> stream.StreamServer:
    """An echo server that reads the request until the client half-closes, then sends it
    back at once."""
    return stream.StreamServer(stream.echo())


@contextmanager
def refused_port():
    """The number of a port on 127.0.0.1 where nothing listens (a socket holds it, bound
    but not listening, so no other program can take it meanwhile): connecting is refused."""
    holder = socket.socket()
    try:
        holder.bind((HOST, 0))
        yield holder.getsockname()[1]
    finally:
        holder.close()


HTTP_BODY = b"hello from http.server\n"
HTTP_REQUEST = b"GET /hello HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n"
"""An HTTP/1.0 request: ``http.server`` answers it, then closes the connection."""


def http_server():
    """Python's ``http.server`` (a threading server on 127.0.0.1 port 0, logging off),
    answering every GET with ``HTTP_BODY``."""
    from http.server import BaseHTTPRequestHandler

    from course.peers.http import HttpServer

    class Hello(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(HTTP_BODY)))
            self.end_headers()
            self.wfile.write(HTTP_BODY)

    return HttpServer(Hello)


def expect_http_answer(answer, port: int) -> None:
    """Fail unless ``answer`` is http.server's whole answer to ``HTTP_REQUEST``."""
    what = f"sock_request('127.0.0.1', {port}, {HTTP_REQUEST!r}) to Python's http.server"
    checks.that(type(answer) is bytes,
                f"{what} returned {checks.short(answer)} (of type {type(answer).__name__}); "
                "expected bytes")
    checks.that(answer.startswith(b"HTTP/1.0 200 OK\r\n") and answer.endswith(b"\r\n\r\n" + HTTP_BODY),
                f"{what} returned {checks.short(answer)}; expected the whole answer, from "
                f"b'HTTP/1.0 200 OK\\r\\n' through the headers to the body {HTTP_BODY!r} "
                "(the server closes the connection after it)")


class GatedEcho(Peer):
    """An echo server that holds every answer until ``companions`` requests have arrived
    whole (the client half-closed) and wait at the same time, or ``GATE`` seconds have
    passed. ``peak`` is the largest number of requests that waited at once: a client that
    runs requests together reaches ``companions``, one that runs them one after another
    (a blocking call in a coroutine stops the event loop) stays at 1."""

    def __init__(self, companions: int):
        self.companions = companions
        self.peak = 0
        self._waiting = 0
        self._condition = threading.Condition()
        self._server = stream.StreamServer(self._handle)
        self.address = self._server.address

    def _handle(self, conn):
        data = stream.recv_to_eof(conn)
        with self._condition:
            self._waiting += 1
            self.peak = max(self.peak, self._waiting)
            self._condition.notify_all()
            self._condition.wait_for(lambda: self.peak >= self.companions, GATE)
            self._waiting -= 1  # lowered before the answer goes out
        conn.sendall(data)

    def _stop(self) -> None:
        self._server.close()

    def expect_together(self, what: str) -> None:
        checks.that(
            self.peak >= self.companions,
            f"{what}: the server saw the requests one after another, never {self.companions} "
            f"at once. Something in sock_request blocks the event loop while it waits (a "
            "blocking socket call such as sock.recv() or sock.connect(), or a socket left in "
            "blocking mode): await loop.sock_connect/sock_sendall/sock_recv on a socket made "
            "non-blocking with sock.setblocking(False).",
        )


class Together:
    """A probe: ``Together(fn)(calls)`` awaits ``fn(*args)`` for every ``args`` in
    ``calls`` at once (``asyncio.gather``) and returns the results in order."""

    def __init__(self, fn):
        self.fn = fn
        self.__name__ = f"asyncio.gather of {getattr(fn, '__name__', 'the function')}"

    async def __call__(self, calls):
        return list(await asyncio.gather(*(self.fn(*args) for args in calls)))


SOCK_METHODS = ("sock_connect", "sock_sendall", "sock_recv", "sock_recv_into")


@dataclass(frozen=True)
class SockUse:
    """What one call did with the loop's ``sock_*`` methods: each call's method name and
    whether the socket it got was in blocking mode."""

    call: str
    value: object
    calls: tuple = ()

    def expect(self, expected: bytes) -> None:
        checks.same(self.value, expected, what=self.call)
        used = {name for name, _ in self.calls}
        missing = [name for name in ("sock_connect", "sock_sendall") if name not in used]
        if not used & {"sock_recv", "sock_recv_into"}:
            missing.append("sock_recv")
        checks.that(not missing,
                    f"{self.call} returned the right answer, but never awaited "
                    f"{', '.join('loop.' + m for m in missing)}: connect, send and receive "
                    "with the event loop's sock_* methods, as the task asks. It awaited: "
                    f"{', '.join(sorted(used)) or 'none of them'}.")
        blocking = sorted({name for name, is_blocking in self.calls if is_blocking})
        checks.that(not blocking,
                    f"{self.call} gave a socket in blocking mode to loop."
                    f"{', loop.'.join(blocking)}: such a socket's recv() waits inside the "
                    "event loop and stops everything else. Call sock.setblocking(False) "
                    "before you use it.")


class UsingSockMethods:
    """A probe: ``UsingSockMethods(fn)(*args)`` awaits ``fn(*args)`` in the child while
    recording every call of the running loop's ``sock_*`` methods; returns a ``SockUse``."""

    def __init__(self, fn):
        self.fn = fn
        self.__name__ = getattr(fn, "__name__", "the function")

    async def __call__(self, *args) -> SockUse:
        loop = asyncio.get_running_loop()
        calls = []
        for name in SOCK_METHODS:
            original = getattr(loop, name)

            async def recording(sock, *rest, _original=original, _name=name):
                calls.append((_name, sock.getblocking()))
                return await _original(sock, *rest)

            setattr(loop, name, recording)
        value = await self.fn(*args)
        return SockUse(checks.describe_call(self.fn, args, {}), value, tuple(calls))


@dataclass(frozen=True)
class Closing:
    """What one call returned, and the sockets it left open (Python warns with a
    ResourceWarning when it has to close a socket that is thrown away unclosed)."""

    call: str
    value: object
    unclosed: tuple = ()

    def expect_closed(self, expected: bytes) -> None:
        checks.same(self.value, expected, what=self.call)
        checks.that(not self.unclosed,
                    f"{self.call} returned the right answer, but left its socket open: Python "
                    f"had to close it when it was thrown away ({self.unclosed[0] if self.unclosed else ''}"
                    "). Close it (`with socket.socket() as sock:` does that, whatever happens).")


class LeftOpen:
    """A probe: ``LeftOpen(fn)(*args)`` awaits ``fn(*args)`` in the child while recording
    ResourceWarnings about unclosed sockets, collects the garbage the call left, and
    returns a ``Closing``."""

    def __init__(self, fn):
        self.fn = fn
        self.__name__ = getattr(fn, "__name__", "the function")

    async def __call__(self, *args) -> Closing:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ResourceWarning)
            value = await self.fn(*args)
            gc.collect()
        unclosed = tuple(str(w.message).split(",")[0] + ", ...>" for w in caught
                         if issubclass(w.category, ResourceWarning) and "socket" in str(w.message))
        return Closing(checks.describe_call(self.fn, args, {}), value, unclosed)


# --------------------------------------------------------------------- start_kv_server

GREETING = b"stand-in for KVProtocol\n"


class _FreePort:
    def __repr__(self):
        return "<a free port>"


FREE_PORT = _FreePort()
"""Give this as the port to ``Serving``: the child chooses a free port, holds it (bound
with SO_REUSEADDR, not listening, so nobody else takes it) and passes its number."""


@dataclass(frozen=True)
class Served:
    """What one call of ``start_kv_server`` gave, and what a client found there."""

    call: str
    host: str
    port: int
    returned: bool = False
    error: str | None = None
    type_name: str = ""
    is_server: bool = False
    made_by_create_server: bool = False
    create_server_calls: int = 0
    serving: bool = False
    addresses: tuple = ()
    greeting: bytes = b""
    client_error: str | None = None

    def expect_serving(self) -> None:
        checks.that(self.error is None, f"{self.call} raised {self.error}")
        checks.that(self.returned,
                    f"{self.call} did not return within {timeouts.IO:g} s. It must return "
                    "the server as soon as it listens (loop.create_server does that), not "
                    "serve forever: do not await server.serve_forever() in it.")
        checks.that(self.is_server,
                    f"{self.call} returned {self.type_name}; expected the asyncio.Server "
                    "that loop.create_server gives.")
        checks.that(self.create_server_calls > 0,
                    f"{self.call} returned a server, but did not make it with "
                    "loop.create_server (the running loop's method), as the task asks.")
        checks.that(self.made_by_create_server,
                    f"{self.call} returned a server that is not the one loop.create_server "
                    "made.")
        checks.that(self.serving,
                    f"{self.call} returned a server that is not serving any more. Was it "
                    "closed before it was returned (`async with server:` closes it at the "
                    "end of the block)?")
        wanted = f"{self.host} port {self.port}" if self.port else f"{self.host} (any port but 0)"
        shown = ", ".join(f"{a[0]} port {a[1]}" for a in self.addresses) or "nothing"
        good = bool(self.addresses) and all(
            a[0] == self.host and (a[1] == self.port if self.port else a[1] != 0)
            for a in self.addresses)
        checks.that(good,
                    f"{self.call} returned a server that listens on {shown}; expected "
                    f"{wanted} only. Pass host and port on to loop.create_server.")
        checks.that(self.greeting == GREETING,
                    f"{self.call}: a client that connected to the server was not served by a "
                    "KVProtocol. (While the test calls start_kv_server, a stand-in protocol "
                    f"that greets every client with {GREETING!r} takes the place of "
                    f"KVProtocol; the client received {self.greeting!r}"
                    f"{' and ' + self.client_error if self.client_error else ''}.) Pass the "
                    "class KVProtocol itself (not an object made from it) to "
                    "loop.create_server: it calls the class once for every connection.")


class Serving:
    """A probe: ``Serving(start_kv_server)(host, port)`` calls it in the child with the
    loop's ``create_server`` recorded and a stand-in protocol in the place of the name
    ``KVProtocol`` (in the function's globals), connects a client to the server it
    returned, reads the stand-in's greeting, closes everything, and returns a ``Served``."""

    def __init__(self, fn):
        self.fn = fn
        self.__name__ = getattr(fn, "__name__", "the function")

    async def __call__(self, host: str, port) -> Served:
        loop = asyncio.get_running_loop()
        holder = None
        if port is FREE_PORT:
            holder = socket.socket()
            holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            holder.bind((host, 0))
            port = holder.getsockname()[1]
        call = checks.describe_call(self.fn, (host, port), {})
        made = []
        original_create_server = loop.create_server

        async def create_server(*args, **kwargs):
            server = await original_create_server(*args, **kwargs)
            made.append(server)
            return server

        loop.create_server = create_server

        class StandIn(asyncio.Protocol):
            def connection_made(self, transport):
                transport.write(GREETING)

        namespace = getattr(self.fn, "__globals__", {})
        had_name = "KVProtocol" in namespace
        original_class = namespace.get("KVProtocol")
        namespace["KVProtocol"] = StandIn
        facts = dict(call=call, host=host, port=port)
        result = None
        try:
            try:
                async with asyncio.timeout(timeouts.IO):
                    result = await self.fn(host, port)
                facts["returned"] = True
            except TimeoutError:
                pass
            except Exception as error:
                facts["error"] = f"{type(error).__name__}: {error}".rstrip(": ")
            finally:
                if holder is not None:
                    holder.close()
            facts["type_name"] = _type_name(result)
            facts["create_server_calls"] = len(made)
            if type(result) is asyncio.Server:
                facts["is_server"] = True
                facts["made_by_create_server"] = any(result is server for server in made)
                facts["serving"] = result.is_serving()
                facts["addresses"] = tuple(tuple(s.getsockname()[:2]) for s in result.sockets or ())
                if facts["serving"] and facts["addresses"]:
                    facts["greeting"], facts["client_error"] = await _greeting(facts["addresses"][0])
        finally:
            for server in made:
                await _close(server)
            # Only now: a factory like `lambda: KVProtocol()` looks the name up per connection.
            if had_name:
                namespace["KVProtocol"] = original_class
            else:
                namespace.pop("KVProtocol", None)
        return Served(**facts)


def _type_name(value) -> str:
    kind = type(value)
    return "None" if value is None else f"an object of type {kind.__module__}.{kind.__qualname__}"


async def _greeting(address) -> tuple[bytes, str | None]:
    """What a client connected to ``address`` receives before the server closes or
    ``len(GREETING)`` bytes came, and what went wrong, in words."""
    received = b""
    writer = None
    try:
        async with asyncio.timeout(timeouts.IO):
            reader, writer = await asyncio.open_connection(address[0], address[1])
            while len(received) < len(GREETING):
                data = await reader.read(len(GREETING) - len(received))
                if not data:
                    return received, "then the server closed the connection"
                received += data
        return received, None
    except TimeoutError:
        return received, f"then nothing more for {timeouts.IO:g} s"
    except OSError as error:
        return received, f"connecting failed ({type(error).__name__}: {error})"
    finally:
        if writer is not None:
            writer.close()


async def _close(server) -> None:
    server.close()
    if hasattr(server, "close_clients"):  # Python 3.13+
        server.close_clients()
    try:
        async with asyncio.timeout(timeouts.EXIT):
            await server.wait_closed()
    except TimeoutError:
        pass


# -------------------------------------------------------------------------- KVProtocol

@dataclass(frozen=True)
class Step:
    """One step of a conversation: connection ``client`` sends ``data``, expects the
    answer ``data``, or hangs up (``reset``: abruptly, with a TCP reset)."""

    kind: str
    client: str
    data: bytes = b""


def send(client: str, data: bytes) -> Step:
    """Connection ``client`` sends ``data`` in one piece; the next step starts once the
    server has received it (so the next piece arrives in a data_received call of its own)."""
    return Step("send", client, data)


def expect(client: str, answer: bytes) -> Step:
    """Connection ``client`` reads until it has received ``answer`` (or something else)."""
    return Step("expect", client, answer)


def hang_up(client: str, *, reset: bool = False) -> Step:
    """Connection ``client`` closes; the next step starts once the server saw it go
    (connection_lost was called)."""
    return Step("reset" if reset else "hang_up", client)


class _Side:
    """The server side of one connection, as the probe sees it."""

    def __init__(self):
        self.received = 0
        self.lost = False


class _Served:
    """Serves ``protocol_class`` with loop.create_server on 127.0.0.1 port 0, and keeps a
    ``_Side`` for every connection (in the order they were accepted) and the errors the
    protocol's methods raised."""

    def __init__(self, protocol_class):
        self.protocol_class = protocol_class
        self.sides: list[_Side] = []
        self.errors: list[str] = []
        self.servers = []

    def factory(self):
        side = _Side()
        self.sides.append(side)
        try:
            protocol = self.protocol_class()
        except Exception as error:
            side.lost = True
            self._note("KVProtocol()", error)
            raise
        self._watch(protocol, side)
        return protocol

    def _note(self, where, error):
        self.errors.append(f"{where} raised {type(error).__name__}: {error}".rstrip(": "))

    def _watch(self, protocol, side):
        data_received = protocol.data_received
        connection_lost = protocol.connection_lost

        def on_data(data):
            try:
                return data_received(data)
            except Exception as error:
                self._note("KVProtocol.data_received", error)
                raise
            finally:
                side.received += len(data)

        def on_lost(exc):
            try:
                return connection_lost(exc)
            except Exception as error:
                self._note("KVProtocol.connection_lost", error)
                raise
            finally:
                side.lost = True

        try:
            protocol.data_received = on_data
            protocol.connection_lost = on_lost
        except AttributeError:  # a class with __slots__: watch nothing, wait a little instead
            side.received = None

    async def start(self, count: int) -> list[int]:
        loop = asyncio.get_running_loop()
        for _ in range(count):
            self.servers.append(await loop.create_server(self.factory, HOST, 0))
        return [server.sockets[0].getsockname()[1] for server in self.servers]

    async def close(self):
        for server in self.servers:
            await _close(server)


async def _until(condition, timeout: float = timeouts.IO) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(0.001)
    return True


async def _read_answer(reader, expected: bytes, timeout: float = timeouts.IO) -> tuple[bytes, str]:
    """Read until ``expected`` came whole (then ''), or something else came (as soon as
    it differs: 'mismatch'), the server closed ('closed') or ``timeout`` passed ('silent')."""
    received = b""
    try:
        async with asyncio.timeout(timeout):
            while received != expected:
                data = await reader.read(1 << 16)
                if not data:
                    return received, "closed"
                received += data
                if not expected.startswith(received):
                    return received, "mismatch"
    except TimeoutError:
        return received, "silent"
    except ConnectionError:
        return received, "closed"
    return received, ""


class Conversation:
    """A probe: ``Conversation(KVProtocol, second_server={'C'})(steps)`` serves the
    protocol with two servers (one unless ``second_server`` names connections that go to
    the other), runs the steps, and returns the transcript up to the first step that went
    wrong: a list of ``(kind, client, data, received, problem)`` and the errors the
    protocol's methods raised."""

    def __init__(self, protocol_class, second_server=()):
        self.protocol_class = protocol_class
        self.second_server = frozenset(second_server)
        self.__name__ = "a conversation with KVProtocol"

    async def __call__(self, steps):
        served = _Served(self.protocol_class)
        transcript = []
        clients = {}
        try:
            ports = await served.start(2 if self.second_server else 1)
            for step in steps:
                problem, received = await self._do(step, served, ports, clients)
                transcript.append((step.kind, step.client, step.data, received, problem))
                if problem:
                    break
        finally:
            for _, writer, _ in clients.values():
                writer.transport.abort()
            await served.close()
        return transcript, served.errors

    async def _do(self, step, served, ports, clients):
        if step.client not in clients:
            port = ports[1 if step.client in self.second_server else 0]
            before = len(served.sides)
            try:
                reader, writer = await asyncio.open_connection(HOST, port)
            except OSError as error:
                return f"could not connect ({type(error).__name__}: {error})", b""
            if not await _until(lambda: len(served.sides) > before):
                return "was never accepted by the server", b""
            clients[step.client] = [reader, writer, {"side": served.sides[before], "sent": 0}]
        reader, writer, state = clients[step.client]
        side = state["side"]
        if step.kind == "send":
            writer.write(step.data)
            state["sent"] += len(step.data)
            try:
                await writer.drain()
            except ConnectionError:
                return "closed", b""
            if side.received is None:
                await asyncio.sleep(0.05)
            elif not await _until(lambda: side.lost or side.received >= state["sent"]):
                return "unread", b""
            return "", b""
        if step.kind == "expect":
            return (await _read_answer(reader, step.data))[::-1]
        if step.kind == "reset":
            writer.get_extra_info("socket").setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                                       struct.pack("ii", 1, 0))
            writer.transport.abort()
        else:
            writer.close()
        if side.received is None:
            await asyncio.sleep(0.05)
        elif not await _until(lambda: side.lost):
            return "lost unseen", b""
        return "", b""


def expect_conversation(protocol_class, steps, *, second_server=()) -> None:
    """Serve ``protocol_class`` in a child process, run the conversation ``steps``, and
    fail with the conversation so far if an answer is not the one expected."""
    transcript, errors = checks.call(Conversation(protocol_class, second_server), steps,
                                     timeout=timeouts.CALL + timeouts.IO)
    if not transcript or not transcript[-1][4]:
        return
    lines = [f"A conversation with KVProtocol, served with loop.create_server on {HOST}"
             + (f" (connection {' and '.join(sorted(second_server))} "
                f"{'goes' if len(second_server) == 1 else 'go'} to a second server)" if second_server else "")
             + ":"]
    for kind, client, data, received, problem in transcript:
        lines.append("  " + _say(kind, client, data, received, problem))
    if errors:
        lines.append("Your code raised (on the server side): " + "; ".join(dict.fromkeys(errors)))
    raise AssertionError("\n".join(lines))


def _say(kind, client, data, received, problem) -> str:
    who = f"connection {client}"
    if kind == "send":
        text = f"{who} sent {checks.short(data)}"
        if problem == "closed":
            text += ", but the server had closed the connection"
        elif problem == "unread":
            text += f", but the server did not read it within {timeouts.IO:g} s"
        elif problem:
            text += f", but it {problem}"
        return text
    if kind in ("hang_up", "reset"):
        how = "hung up" if kind == "hang_up" else "hung up abruptly (a TCP reset)"
        if problem == "lost unseen":
            return f"{who} {how}, but the server did not notice within {timeouts.IO:g} s"
        return f"{who} {how}" + (f", but it {problem}" if problem else "")
    if not problem:
        return f"{who} received {checks.short(received)}"
    text = f"{who} expected {checks.short(data)}"
    if problem == "mismatch":
        return text + f", but received {checks.short(received)}"
    if problem == "closed":
        return text + (f", but received only {checks.short(received)} and then the server "
                       "closed the connection" if received else
                       ", but the server closed the connection without an answer")
    if problem == "silent":
        return text + (f", but received only {checks.short(received)} and then nothing more "
                       f"for {timeouts.IO:g} s" if received else
                       f", but received nothing within {timeouts.IO:g} s")
    return text + f", but it {problem}"


CROWD_DEADLINE = 2 * timeouts.IO
"""Seconds a whole crowd may take: all its clients connect, and each has two round trips."""


class Crowd:
    """A probe: ``Crowd(KVProtocol)(clients)`` serves the protocol and has ``clients``
    connections at once each send the first half of ``SET crowd-i value of client i``,
    wait until every one has done so, send the rest, read ``OK``, wait until every one has
    its ``OK``, then ask for the next client's key. Returns what went wrong (a list of
    sentences, empty when all is well) and the errors the protocol's methods raised."""

    def __init__(self, protocol_class):
        self.protocol_class = protocol_class
        self.__name__ = "a crowd of clients of KVProtocol"

    async def __call__(self, count: int):
        served = _Served(self.protocol_class)
        problems = []
        halfway = asyncio.Barrier(count)
        all_set = asyncio.Barrier(count)

        async def client(index, port):
            key, value = f"crowd-{index}".encode(), f"value of client {index}".encode()
            command = b"SET " + key + b" " + value + b"\n"
            writer = None
            try:
                reader, writer = await asyncio.open_connection(HOST, port)
                writer.write(command[:7])
                await writer.drain()
                await halfway.wait()
                writer.write(command[7:])
                received, problem = await _read_answer(reader, b"OK\n")
                if problem:
                    raise _Failed(f"client {index} sent {command!r} (in two pieces) and "
                                  f"expected b'OK\\n', but {_how(received, problem)}")
                await all_set.wait()
                other = (index + 1) % count
                expected = f"value of client {other}\n".encode()
                writer.write(f"GET crowd-{other}\n".encode())
                received, problem = await _read_answer(reader, expected)
                if problem:
                    raise _Failed(f"client {index} sent b'GET crowd-{other}\\n' (after client "
                                  f"{other} had stored its value on its own connection) and "
                                  f"expected {expected!r}, but {_how(received, problem)}")
            except _Failed as failed:
                problems.append(str(failed))
                await halfway.abort()
                await all_set.abort()
            except asyncio.BrokenBarrierError:
                pass
            except OSError as error:
                problems.append(f"client {index} could not talk to the server "
                                f"({type(error).__name__}: {error})")
                await halfway.abort()
                await all_set.abort()
            finally:
                if writer is not None:
                    writer.transport.abort()

        try:
            (port,) = await served.start(1)
            try:
                async with asyncio.timeout(CROWD_DEADLINE):
                    await asyncio.gather(*(client(i, port) for i in range(count)))
            except TimeoutError:
                problems.append(f"the {count} clients were not all answered within "
                                f"{CROWD_DEADLINE:g} s")
        finally:
            await served.close()
        return problems, served.errors


class _Failed(Exception):
    pass


def _how(received, problem) -> str:
    if problem == "mismatch":
        return f"received {received!r}"
    if problem == "closed":
        return f"received {received!r} and then the server closed the connection"
    return f"received {received!r} and then nothing more for {timeouts.IO:g} s"


def expect_crowd(protocol_class, clients: int) -> None:
    """Serve ``protocol_class`` in a child process to ``clients`` connections at once
    (``Crowd``); fail with the first problem."""
    problems, errors = checks.call(Crowd(protocol_class), clients,
                                   timeout=timeouts.CALL + CROWD_DEADLINE)
    if problems:
        message = (f"{clients} clients connected to one KVProtocol server at the same time; "
                   + problems[0])
        if errors:
            message += "\nYour code raised (on the server side): " + "; ".join(dict.fromkeys(errors))
        raise AssertionError(message)
