"""course.probes.http_protocol: the real servers say what they parsed, the captured
responses parse as http.client parses them, the fragment server never lets one recv take
two pieces, and the raw-socket probe catches http.client."""

import http.client
import socket
import time

from course import checks
from course.peers import stream
from course.probes import http_protocol as probes


def test_both_servers_say_what_they_parsed():
    request = b"POST /a?b=c HTTP/1.1\r\nHost: h:1\r\nX-One: 1\r\nContent-Length: 5\r\n\r\ncaf\xc3\xa9"
    for kind in probes.SERVER_KINDS:
        parsed = probes.send_to(kind, request)
        probes.expect_parsed(parsed, "the request", "POST", "/a?b=c",
                             {"host": "h:1", "x-one": "1", "content-length": "5"}, b"caf\xc3\xa9")


def test_a_request_with_bare_newlines_or_a_short_length_is_caught():
    lf = b"GET / HTTP/1.1\nHost: h\n\n"
    assert probes.bare_lf(lf) and not probes.bare_lf(lf.replace(b"\n", b"\r\n"))
    assert probes.send_to("aiohttp", lf).status == 400
    short = b"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 4\r\n\r\ncaf\xc3\xa9"
    parsed = probes.send_to("http.server", short)
    assert parsed.body == b"caf\xc3"


def test_captured_responses_parse_like_http_client():
    raw = probes.capture("quirky", probes.get("/mixed-case"))
    status, reason, headers, body = probes.reference_parse(raw)
    assert (status, reason, body) == (200, "OK", b"mixed case")
    assert headers["x-padded"] == "spaced value" and headers["location"] == "http://127.0.0.1:8000/a:b"
    assert headers["x-empty"] == "" and headers["content-type"] == "text/plain; charset=utf-8"
    raw = probes.capture("quirky", probes.get("/empty", "/binary"))
    assert probes.reference_parse(raw)[3] == b"" and raw.count(b"HTTP/1.1 200 OK") == 2
    assert probes.reference_parse(probes.capture("quirky", probes.get("/repeated")))[2]["x-tag"] == "one, two"


def test_one_recv_gets_one_fragment_even_when_the_client_is_slow():
    answer = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
    with probes.Fragments(answer, [3, 5, 100]) as server:
        with stream.connect(("127.0.0.1", server.port)) as sock:
            sock.sendall(b"GET / HTTP/1.1\r\nHost: h\r\n\r\n")
            time.sleep(0.3)  # a slow client still finds only the first piece waiting
            assert sock.recv(1000) == b"HTT"
            time.sleep(0.3)
            assert sock.recv(1000) == b"P/1.1"
            assert stream.recv_to_eof(sock) == answer[8:]
        assert server.requests == [b"GET / HTTP/1.1\r\nHost: h\r\n\r\n"]


def test_the_raw_socket_probe_switches_http_client_off():
    def with_http_client(port):
        connection = http.client.HTTPConnection("127.0.0.1", port)
        connection.request("GET", "/")
        return connection.getresponse().status

    def with_a_socket(port):
        with socket.create_connection(("127.0.0.1", port)) as sock:
            sock.sendall(b"GET /x HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n")
            return stream.recv_to_eof(sock)

    with probes.echo_server("http.server") as server:
        result, error, connected, tried = checks.call(probes.RawSocketOnly(with_http_client), server.port)
        assert result is None and "switched off" in error and tried == ["http.client"]
        result, error, connected, tried = checks.call(probes.RawSocketOnly(with_a_socket), server.port)
        assert error == "" and connected and tried == [] and result.endswith(b"you asked for /x\n")
