"""Notebook 12 (TLS): probes that run inside the child process of ``checks.call``.

Every probe makes its certificates with trustme at run time (``course.peers.tls``), starts
the servers it needs on 127.0.0.1 port 0, runs the student's function against them, and
returns what it saw as plain data (``Fetched``, ``Served``). The test cell checks that data
in the kernel with its ``expect_*`` methods.

The client probes serve a good certificate, one signed by another authority, one for
another host name, and an expired one: a client that switches verification off gets data
from all four, and loses the points of the last three. The server probes talk to the
student's server with ``http.client``, curl and ``openssl s_client`` (also with TLS 1.0 and
1.1 forced and the client's own security level lowered to 0, so that only the server can be
the one that refuses), read the context's ``minimum_version`` (OpenSSL 3's default security
level refuses TLS 1.0 and 1.1 even when ``minimum_version`` lets them in, so the handshake
alone cannot catch a server that lowers it), and, for ``serve_https``, record the calls of
``SSLContext.wrap_socket`` and of the removed module-level ``ssl.wrap_socket`` (still there
in 3.11), the threads it starts (a serving thread must be a daemon), and whether it answers
one client while another has connected and not yet started its handshake (a listening
socket wrapped with the default do_handshake_on_connect=True runs every handshake inside
accept(), in the serving thread: the gate is the slow client, which only a wrong server
waits for, until http.client's timeout).
"""

import datetime
import http.client
import socket
import ssl
import subprocess
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, HTTPServer

import trustme

from course import checks, timeouts
from course.peers import threads
from course.peers.http import HttpServer
from course.peers.tls import Certificates

HOST = "127.0.0.1"
OPENSSL = "/usr/bin/openssl"
CURL = "/usr/bin/curl"

CASES = {
    "good": "a server whose certificate the CA in cafile signed for 127.0.0.1",
    "unknown_ca": "a server whose certificate another CA signed (not the one in cafile)",
    "wrong_host": "a server whose certificate the CA in cafile signed for www.example.org only "
                  "(the URL says 127.0.0.1)",
    "expired": "a server whose certificate the CA in cafile signed for 127.0.0.1, "
               "but which expired yesterday",
}


class Hello(BaseHTTPRequestHandler):
    """Answers every GET with ``hello over TLS: <path>``; logs nothing."""

    protocol_version = "HTTP/1.1"

    def do_GET(self):
        body = f"hello over TLS: {self.path}".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def body_for(path: str) -> bytes:
    return f"hello over TLS: {path}".encode()


def _server_cert(certs: Certificates, case: str):
    """The leaf certificate a server presents in ``case``, and the CA whose file the client gets."""
    if case == "unknown_ca":
        return trustme.CA().issue_cert(HOST, "localhost")
    if case == "wrong_host":
        return certs.ca.issue_cert("www.example.org")
    if case == "expired":
        now = datetime.datetime.now(datetime.timezone.utc)
        return certs.ca.issue_cert(HOST, "localhost", not_before=now - datetime.timedelta(days=30),
                                   not_after=now - datetime.timedelta(days=1))
    return certs.leaf


def _server_context(leaf) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    leaf.configure_cert(context)
    return context


def _chain(error: BaseException, depth: int = 0):
    """``error`` and the errors it wraps (cause, context, args, reason, ...)."""
    if error is None or depth > 8:
        return
    yield error
    seen = [error.__cause__, error.__context__]
    for name in ("reason", "certificate_error", "os_error"):
        seen.append(getattr(error, name, None))
    seen.extend(arg for arg in getattr(error, "args", ()) if isinstance(arg, BaseException))
    for inner in seen:
        if isinstance(inner, BaseException) and inner is not error:
            yield from _chain(inner, depth + 1)


def _verification_failed(error: BaseException) -> bool:
    return any(isinstance(e, ssl.SSLCertVerificationError) or "CERTIFICATE_VERIFY_FAILED" in str(e)
               for e in _chain(error))


@dataclass(frozen=True)
class Fetched:
    """What a client did against a server of one case."""

    asked: str
    returned: object = None
    did_return: bool = False
    error: str = ""
    verification_failed: bool = False

    def expect_body(self, body: bytes) -> None:
        if not self.did_return:
            checks.fail(f"{self.asked}: expected the body {body!r}, but it raised {self.error}")
        checks.same(self.returned, body, what=self.asked)

    def expect_refused(self) -> None:
        if self.did_return:
            checks.fail(f"{self.asked}: expected ssl.SSLCertVerificationError (or an error that "
                        f"wraps it), but it returned {checks.short(self.returned)}. "
                        "A client that does not verify the certificate talks to anybody: "
                        "keep verify_mode CERT_REQUIRED and check_hostname True.")
        checks.that(self.verification_failed,
                    f"{self.asked}: expected ssl.SSLCertVerificationError (or an error that wraps "
                    f"it), but it raised {self.error}")


def _run_client(client, what: str, case: str, path: str) -> Fetched:
    with Certificates() as certs:
        with HttpServer(Hello, ssl_context=_server_context(_server_cert(certs, case))) as server:
            url = f"{server.url}{path}"
            asked = f"{what} against {CASES[case]} (GET {url})"
            try:
                value = client(url, certs.cafile)
            except Exception as error:  # the student's error, reported in words
                return Fetched(asked, error=f"{type(error).__name__}: {error}",
                               verification_failed=_verification_failed(error))
            return Fetched(asked, returned=value, did_return=True)


def fetch(https_get, case: str, path: str = "/tls") -> Fetched:
    """Call the student's ``https_get(url, cafile)`` against a server of ``case``."""
    return _run_client(https_get, "https_get(url, cafile)", case, path)


def connect(client_context, case: str, path: str = "/ctx") -> Fetched:
    """GET with ``http.client.HTTPSConnection`` and the student's ``client_context(cafile)``."""
    def client(url, cafile):
        context = client_context(cafile)
        if not isinstance(context, ssl.SSLContext):
            raise TypeError(f"client_context(cafile) returned {type(context).__name__}, "
                            "not an ssl.SSLContext")
        port = int(url.rsplit(":", 1)[1].split("/")[0])
        connection = http.client.HTTPSConnection(HOST, port, context=context, timeout=timeouts.IO)
        try:
            connection.request("GET", path)
            return connection.getresponse().read()
        finally:
            connection.close()
    return _run_client(client, "http.client.HTTPSConnection with context=client_context(cafile)",
                       case, path)


def context_settings(client_context) -> tuple:
    """(type name, verify_mode name, check_hostname) of ``client_context(cafile)``."""
    with Certificates() as certs:
        context = client_context(certs.cafile)
    if not isinstance(context, ssl.SSLContext):
        return (type(context).__name__, None, None)
    return ("SSLContext", context.verify_mode.name, context.check_hostname)


# ---------------------------------------------------------------------------- servers

@dataclass(frozen=True)
class Served:
    """What real clients saw of the student's server."""

    described: str
    stdlib: bytes | str = b""
    curl: bytes | str = b""
    tls12: str = ""
    old: str = ""
    minimum_version: str = ""
    wrapped: tuple = ()
    module_wrap_socket: bool = False
    non_daemon: tuple = ()
    beside_slow: bytes | str = b""
    problem: str = ""

    def expect_serves(self) -> None:
        checks.that(not self.problem, f"{self.described}: {self.problem}")
        checks.that(self.stdlib == body_for("/stdlib"),
                    f"{self.described}: GET /stdlib with http.client and a context that trusts the "
                    f"CA should give {body_for('/stdlib')!r}, but {_said(self.stdlib)}")

    def expect_curl(self) -> None:
        checks.that(not self.problem, f"{self.described}: {self.problem}")
        checks.that(self.curl == body_for("/curl"),
                    f"{self.described}: curl --cacert ca.pem https://127.0.0.1:PORT/curl should "
                    f"print {body_for('/curl')!r}, but {_said(self.curl)}")
        checks.that(self.tls12 == "accepted",
                    f"{self.described}: openssl s_client -tls1_2 should complete a TLS 1.2 "
                    "handshake, but " + ("the server refused it (clients that speak TLS 1.2 only "
                                         "must get in: keep minimum_version at TLSv1_2)"
                                         if self.tls12 == "refused" else self.tls12))

    def expect_no_old_tls(self) -> None:
        checks.that(not self.problem, f"{self.described}: {self.problem}")
        checks.that(self.old == "refused",
                    f"{self.described}: openssl s_client -tls1 and -tls1_1 (with its own security "
                    "level lowered to 0, so only the server can refuse) should be refused, but the "
                    f"server {self.old}. Set the context's minimum_version to "
                    "ssl.TLSVersion.TLSv1_2 and keep the default ciphers.")
        checks.that(self.minimum_version in ("TLSv1_2", "TLSv1_3"),
                    f"{self.described}: the server's context has minimum_version "
                    f"{self.minimum_version}, so it allows TLS versions older than 1.2. The "
                    "OpenSSL in use here refuses them anyway at its default security level, but "
                    "another build or configuration lets them in: set minimum_version to "
                    "ssl.TLSVersion.TLSv1_2.")

    def expect_serves_beside_a_slow_client(self) -> None:
        checks.that(not self.problem, f"{self.described}: {self.problem}")
        checks.that(self.beside_slow == body_for("/beside-slow"),
                    f"{self.described}: while one client had connected and not yet started its "
                    f"TLS handshake, GET /beside-slow with http.client should give "
                    f"{body_for('/beside-slow')!r}, but {_said(self.beside_slow)}. The listening "
                    "socket's accept() runs each handshake in the serving thread, so one slow "
                    "client stalls all the others: wrap it with do_handshake_on_connect=False.")

    def expect_daemon(self) -> None:
        checks.that(not self.problem, f"{self.described}: {self.problem}")
        checks.that(not self.non_daemon,
                    f"{self.described}: it started the thread(s) {', '.join(self.non_daemon)} "
                    "without daemon=True. Python waits for every non-daemon thread before it "
                    "exits, so a script (or a kernel) that never calls server.shutdown() cannot "
                    "end: start the serving thread with daemon=True.")

    def expect_wrap_socket(self) -> None:
        checks.that(not self.problem, f"{self.described}: {self.problem}")
        checks.that(not self.module_wrap_socket,
                    f"{self.described}: it called ssl.wrap_socket(...), the module-level function "
                    "of the slide. It was deprecated in Python 3.7 and removed in 3.12, so this "
                    "code fails on current Python: build a context and call "
                    "context.wrap_socket(sock, server_side=True).")
        checks.that(True in self.wrapped,
                    f"{self.described}: the server's listening socket should be wrapped with "
                    "SSLContext.wrap_socket(sock, server_side=True) before serve_https returns, "
                    + ("but wrap_socket was never called." if not self.wrapped
                       else "but wrap_socket was only called without server_side=True."))


def _said(value) -> str:
    if isinstance(value, str):
        return value
    return f"it gave {value!r}"


def _stdlib_get(port: int, cafile: str, path: str):
    context = ssl.create_default_context(cafile=cafile)
    connection = http.client.HTTPSConnection(HOST, port, context=context, timeout=timeouts.IO)
    try:
        connection.request("GET", path)
        return connection.getresponse().read()
    except Exception as error:
        return f"it raised {type(error).__name__}: {error}"
    finally:
        connection.close()


def _curl_get(port: int, cafile: str, path: str):
    try:
        done = subprocess.run([CURL, "-sS", "--max-time", str(timeouts.IO), "--cacert", cafile,
                               f"https://{HOST}:{port}{path}"],
                              capture_output=True, timeout=timeouts.PROGRAM)
    except subprocess.TimeoutExpired:
        return "curl did not finish in time"
    if done.returncode:
        return f"curl failed ({done.returncode}): {done.stderr.decode(errors='replace').strip()}"
    return done.stdout


def _s_client(port: int, cafile: str, version: str) -> str:
    """'accepted' when ``openssl s_client -<version>`` completes a handshake, else what happened."""
    command = [OPENSSL, "s_client", "-connect", f"{HOST}:{port}", f"-{version}",
               "-CAfile", cafile, "-verify_return_error"]
    if version != "tls1_2":
        command += ["-cipher", "DEFAULT@SECLEVEL=0"]
    try:
        done = subprocess.run(command, input=b"", capture_output=True, timeout=timeouts.PROGRAM)
    except subprocess.TimeoutExpired:
        return "openssl s_client did not finish in time"
    out = done.stdout.decode(errors="replace")
    if "Cipher is (NONE)" in out or "Cipher is" not in out:
        return "refused"
    return "accepted"


def _beside_a_slow_client(port: int, cafile: str):
    """GET /beside-slow while another client has connected but not yet said anything; then
    that slow client does its handshake and a request, so that no connection is left broken."""
    slow = socket.create_connection((HOST, port), timeout=timeouts.IO)
    got = "the probe failed before it asked"
    try:
        got = _stdlib_get(port, cafile, "/beside-slow")
        context = ssl.create_default_context(cafile=cafile)
        with context.wrap_socket(slow, server_hostname=HOST) as tls:
            tls.sendall(b"GET /slow HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n")
            while tls.recv(4096):
                pass
    except OSError:
        pass  # what the other client got is the finding; the slow one's fate is not
    finally:
        slow.close()
    return got


def _probe_server(port: int, cafile: str, described: str, minimum_version, **recorded) -> Served:
    old = [version for version in ("tls1", "tls1_1") if _s_client(port, cafile, version) != "refused"]
    names = {"tls1": "TLS 1.0", "tls1_1": "TLS 1.1"}
    return Served(described, stdlib=_stdlib_get(port, cafile, "/stdlib"),
                  curl=_curl_get(port, cafile, "/curl"), tls12=_s_client(port, cafile, "tls1_2"),
                  old="refused" if not old else "accepted a " + " and a ".join(names[v] for v in old)
                  + " handshake",
                  minimum_version=getattr(minimum_version, "name", str(minimum_version)), **recorded)


def with_server_context(server_context) -> Served:
    """Serve ``Hello`` behind ``server_context(certfile, keyfile)`` and talk to it."""
    described = "A server behind server_context(certfile, keyfile)"
    with Certificates() as certs:
        context = server_context(certs.certfile, certs.keyfile)
        if not isinstance(context, ssl.SSLContext):
            return Served(described, problem=f"server_context returned {type(context).__name__}, "
                                             "not an ssl.SSLContext")
        if context.protocol == ssl.PROTOCOL_TLS_CLIENT:
            return Served(described, problem="server_context returned a client context "
                                             "(PROTOCOL_TLS_CLIENT, which ssl.create_default_context() "
                                             "makes without ssl.Purpose.CLIENT_AUTH): it cannot "
                                             "accept connections.")
        if context.check_hostname:
            return Served(described, problem="server_context returned a context with "
                                             "check_hostname True, a client's setting: a server "
                                             "has no host name to check, and cannot accept "
                                             "connections with it.")
        with HttpServer(Hello, ssl_context=context) as server:
            return _probe_server(server.port, certs.cafile, described, context.minimum_version)


def with_serve_https(serve_https) -> Served:
    """Start ``serve_https(Hello, certfile, keyfile)`` (on a thread of its own, so that one
    that never returns is reported in words), record the calls of ``SSLContext.wrap_socket``
    and ``ssl.wrap_socket`` and the threads it starts, talk to the server, then shut it down."""
    described = "serve_https(handler_class, certfile, keyfile)"
    original = ssl.SSLContext.wrap_socket
    module_level = getattr(ssl, "wrap_socket", None)  # removed in Python 3.12
    wrapped, minimum, used_module_level = [], [], []

    def recording(self, sock, *args, **kwargs):
        server_side = bool(kwargs.get("server_side", args[0] if args else False))
        wrapped.append(server_side)
        if server_side:
            minimum.append(self.minimum_version)
        return original(self, sock, *args, **kwargs)

    def recording_module_level(*args, **kwargs):
        used_module_level.append(True)
        return module_level(*args, **kwargs)

    with Certificates() as certs:
        before = set(threading.enumerate())
        outcome = {}

        def start():
            try:
                outcome["result"] = serve_https(Hello, certs.certfile, certs.keyfile)
            except BaseException as error:  # raised again below, in the probe's own thread
                outcome["error"] = error

        ssl.SSLContext.wrap_socket = recording
        if module_level is not None:
            ssl.wrap_socket = recording_module_level
        try:
            # Not a daemon: a thread inherits daemon from the thread that starts it, and the
            # serving thread must be a daemon because serve_https says so, not because of us.
            starter = threading.Thread(target=start, name="calls serve_https", daemon=False)
            starter.start()
            starter.join(timeouts.CALL)
        finally:
            ssl.SSLContext.wrap_socket = original
            if module_level is not None:
                ssl.wrap_socket = module_level
        if starter.is_alive():
            return Served(described, problem=f"serve_https did not return within "
                                             f"{timeouts.CALL:g} s. It must start "
                                             "server.serve_forever() in a thread and return at "
                                             "once, not call serve_forever() itself.")
        if "error" in outcome:
            raise outcome["error"]
        result = outcome["result"]
        started = [t for t in threading.enumerate() if t not in before and t is not starter]
        non_daemon = tuple(repr(t.name) for t in started if not t.daemon)
        if not (isinstance(result, tuple) and len(result) == 2 and isinstance(result[0], HTTPServer)
                and type(result[1]) is int):
            return Served(described, problem=f"expected a pair (HTTPServer, int port), got "
                                             f"{checks.short(result)}")
        server, port = result
        if port != server.server_address[1] or server.server_address[0] != HOST:
            server.shutdown()
            server.server_close()
            return Served(described, problem=f"expected the server on 127.0.0.1 and the port it "
                                             f"listens on, got server_address "
                                             f"{server.server_address!r} and port {port!r}")
        try:
            beside_slow = _beside_a_slow_client(port, certs.cafile)
            return _probe_server(port, certs.cafile, described,
                                 minimum[-1] if minimum else "unknown (no server-side wrap_socket)",
                                 wrapped=tuple(wrapped), module_wrap_socket=bool(used_module_level),
                                 non_daemon=non_daemon, beside_slow=beside_slow)
        finally:
            stopper = threads.start(server.shutdown, name="stop serve_https")
            threads.join(stopper)
            server.server_close()
