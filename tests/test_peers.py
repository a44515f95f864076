"""course.peers: servers on 127.0.0.1 port 0 that behave as later notebooks need, close
idempotently, and whose threads stop or fail loudly."""

import asyncio
import json
import os
import socket
import ssl
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler

import pytest
from aiohttp import web

from course.peers import datagram, http, stream, threads, tls


def eventually(condition, timeout=5.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "the server never got there"
        time.sleep(0.01)


def test_a_dribbling_echo_arrives_whole_in_many_pieces():
    received = []
    with stream.StreamServer(stream.echo(chunk=1, pause=0.0005, received=received)) as server:
        assert server.address[0] == "127.0.0.1" and server.address[1] != 0
        with stream.connect(server.address) as client:
            client.sendall(b"hello\n" * 50)
            client.shutdown(socket.SHUT_WR)
            pieces = []
            while data := client.recv(4096):
                pieces.append(data)
    assert b"".join(pieces) == b"hello\n" * 50 and len(pieces) > 10
    assert received == [b"hello\n" * 50]


def test_a_stream_server_counts_connections_open_at_once():
    release = threading.Event()
    with stream.StreamServer(lambda conn: release.wait(5)) as server:
        clients = [stream.connect(server.address) for _ in range(3)]
        eventually(lambda: server.open_now == 3)
        release.set()
        for client in clients:
            client.close()
    assert server.peak == 3 and server.accepted == 3


def test_a_unix_stream_server_and_idempotent_close(tmp_path):
    server = stream.StreamServer(stream.echo(), path=str(tmp_path / "echo.sock"))
    with stream.connect(server.address) as client:
        client.sendall(b"unix")
        client.shutdown(socket.SHUT_WR)
        assert stream.recv_exactly(client, 10) == b"unix"
    server.close()
    server.close()


def test_handler_errors_are_kept_not_printed(capfd):
    def broken(conn):
        raise ValueError("grader bug")

    with stream.StreamServer(broken) as server:
        stream.connect(server.address).close()
        eventually(lambda: server.errors)
    assert [type(e) for e in server.errors] == [ValueError]
    assert capfd.readouterr().err == ""


def test_a_lossy_udp_server_drops_the_first_datagrams():
    with datagram.LossyUdpServer(reply=bytes.upper, drop_first=2) as server:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client:
            client.settimeout(0.2)
            answers = []
            for attempt in range(4):
                client.sendto(b"ping", server.address)
                try:
                    answers.append(client.recvfrom(100)[0])
                except TimeoutError:
                    answers.append(None)
    assert answers == [None, None, b"PING", b"PING"]
    assert server.received == [b"ping"] * 4


class Hello(BaseHTTPRequestHandler):
    def do_GET(self):
        body = b"hello"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_a_threaded_http_server_serves_quietly(capfd):
    with http.HttpServer(Hello) as server:
        assert urllib.request.urlopen(server.url + "/", timeout=5).read() == b"hello"
    server.close()
    assert capfd.readouterr().err == "", "http.server logs requests to stderr unless silenced"


def test_an_aiohttp_server_on_its_own_loop_counts_requests_in_flight():
    in_flight = http.InFlight()

    async def slow(request):
        in_flight.enter()
        await asyncio.sleep(0.2)
        in_flight.leave()
        return web.json_response({"ok": True})

    app = web.Application()
    app.router.add_get("/slow", slow)
    with http.AiohttpServer(app) as server:
        results = []
        workers = [threading.Thread(target=lambda: results.append(
            json.load(urllib.request.urlopen(server.url + "/slow", timeout=5)))) for _ in range(3)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join(5)
    assert results == [{"ok": True}] * 3
    assert in_flight.peak == 3 and in_flight.now == 0 and in_flight.total == 3


def test_tls_certificates_verify_and_a_stranger_is_rejected():
    with tls.Certificates() as certificates, tls.Certificates() as strangers:
        with http.HttpServer(Hello, ssl_context=certificates.server_context()) as server:
            trusting = ssl.create_default_context(cafile=certificates.cafile)
            assert urllib.request.urlopen(server.url, context=trusting, timeout=5).read() == b"hello"
            with pytest.raises(urllib.error.URLError) as failure:
                urllib.request.urlopen(server.url, context=strangers.client_context(), timeout=5)
            assert isinstance(failure.value.reason, ssl.SSLCertVerificationError)
        files = [certificates.cafile, certificates.certfile, certificates.keyfile]
    assert not any(os.path.exists(f) for f in files), "certificate files outlive their context"


def test_a_thread_that_does_not_stop_fails_loudly():
    stop = threading.Event()
    thread = threads.start(stop.wait, 10, name="stubborn")
    with pytest.raises(RuntimeError, match="stubborn.*did not stop"):
        threads.join(thread, timeout=0.05)
    stop.set()
    threads.join(thread)
