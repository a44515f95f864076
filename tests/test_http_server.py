"""The probes of notebook 09 (course/probes/http_server.py), run in this process on tiny
handlers: what they report, and that their checks catch what they should."""

from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
import threading

import pytest

from course.probes import http_server as probes


class Fixed(BaseHTTPRequestHandler):
    """Answers GET and HEAD with a fixed note; HEAD also writes the body when ``sloppy``."""

    protocol_version = "HTTP/1.1"
    sloppy = False

    def do_GET(self):
        body = "grüß ✓".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "GET" or self.sloppy:
            self.wfile.write(body)

    do_HEAD = do_GET


class Sloppy(Fixed):
    sloppy = True


HEAD_RAW = probes.raw("HEAD", "/", b"HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", "HEAD /")


def test_talk_reads_answers_from_every_client():
    session = probes.talk(Fixed, [probes.get("/"), probes.get("/", via="curl"), probes.get("/", via="requests"),
                                  HEAD_RAW, probes.get("/", via="same connection")])
    for reply in session.replies[:3]:
        reply.expect(200, body="grüß ✓".encode(), text_plain_utf8=True)
    session[2].expect_decoded("grüß ✓")
    session[3].expect(200, length=len("grüß ✓".encode()))


def test_a_body_after_head_is_caught():
    session = probes.talk(Sloppy, [HEAD_RAW])
    with pytest.raises(AssertionError, match="must have no body"):
        session[0].expect(200, length=len("grüß ✓".encode()))


def test_one_connection_is_counted_once():
    session = probes.talk(Fixed, [probes.get("/", via="same connection")] * 3)
    session.expect_one_connection()
    closing = type("Closing", (Fixed,), {"protocol_version": "HTTP/1.0"})
    session = probes.talk(closing, [probes.get("/", via="same connection")] * 3)
    with pytest.raises(AssertionError, match="accepted 3 connections"):
        session.expect_one_connection()


def test_launching_sees_a_threading_server_in_a_daemon_thread():
    def serve(handler_class):
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler_class)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server, server.server_address[1]

    launch = probes.Launching(serve)(2, 3, True)
    launch.expect_pair()
    launch.expect_answers()
    launch.expect_daemon()
    launch.expect_stops()
    launch.expect_together(3)
    launch.expect_two_ports()
