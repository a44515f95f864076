"""The probes of notebook 12 (TLS) that read what a student's server does beyond its answers:
which wrap_socket it calls, the minimum TLS version it allows, the threads it starts,
whether it answers beside a slow client, and whether serve_https returns at all. Run in this process (no child), with real certificates."""

import ssl
import threading
from http.server import ThreadingHTTPServer

import pytest

from course import timeouts
from course.probes import tls as probes


def _serve(handler_class, certfile, keyfile, *, minimum=ssl.TLSVersion.TLSv1_2, daemon=True, lazy=True):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = minimum
    context.load_cert_chain(certfile, keyfile)
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
    server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=not lazy)
    threading.Thread(target=server.serve_forever, daemon=daemon).start()
    return server, server.server_address[1]


def test_a_good_server_passes_every_check():
    served = probes.with_serve_https(_serve)
    served.expect_serves()
    served.expect_wrap_socket()
    served.expect_curl()
    served.expect_no_old_tls()
    served.expect_daemon()
    served.expect_serves_beside_a_slow_client()


def test_a_handshake_in_accept_stalls_the_client_beside_a_slow_one():
    served = probes.with_serve_https(lambda *args: _serve(*args, lazy=False))
    served.expect_serves()
    with pytest.raises(AssertionError, match="do_handshake_on_connect=False"):
        served.expect_serves_beside_a_slow_client()


@pytest.mark.filterwarnings("ignore:ssl.TLSVersion.TLSv1 is deprecated:DeprecationWarning")
def test_a_non_daemon_thread_and_a_lowered_minimum_are_seen():
    served = probes.with_serve_https(lambda *a: _serve(*a, minimum=ssl.TLSVersion.TLSv1, daemon=False))
    served.expect_serves()
    with pytest.raises(AssertionError, match="daemon=True"):
        served.expect_daemon()
    with pytest.raises(AssertionError, match="minimum_version TLSv1,"):
        served.expect_no_old_tls()


@pytest.mark.skipif(not hasattr(ssl, "wrap_socket"), reason="ssl.wrap_socket was removed in 3.12")
def test_the_removed_module_level_wrap_socket_is_named():
    def slide(handler_class, certfile, keyfile):
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
        server.socket = ssl.wrap_socket(server.socket, keyfile=keyfile, certfile=certfile, server_side=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server, server.server_port

    with pytest.warns(DeprecationWarning):
        served = probes.with_serve_https(slide)
    with pytest.raises(AssertionError, match="removed in 3.12"):
        served.expect_wrap_socket()


def test_a_serve_https_that_never_returns_is_reported(monkeypatch):
    monkeypatch.setattr(timeouts, "CALL", 0.5)
    release = threading.Event()
    try:
        served = probes.with_serve_https(lambda *args: release.wait(30))
    finally:
        release.set()
    with pytest.raises(AssertionError, match="did not return within 0.5 s"):
        served.expect_serves()
