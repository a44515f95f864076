"""course.probes.sockets: the slow reader catches a short send, the conversation tells
per-line answers from answers at the end or per piece, datagrams are counted exactly."""

import socket

import pytest

from course import checks
from course.peers.datagram import LossyUdpServer
from course.peers.stream import StreamServer
from course.probes import sockets as probes


def request(send_all: bool):
    def client(host, port, payload):
        with socket.create_connection((host, port)) as sock:
            if send_all:
                sock.sendall(payload)
            else:
                sock.send(payload)
            sock.shutdown(socket.SHUT_WR)
            return b"".join(iter(lambda: sock.recv(65536), b""))
    return client


@pytest.mark.parametrize("send_all", [True, False])
def test_a_short_send_is_seen_even_on_a_blocking_socket(send_all):
    received = []
    with StreamServer(probes.slow_reader(received)) as server:
        reply = checks.call(probes.Interrupted(request(send_all)), *server.address, probes.LARGE, timeout=20)
    if send_all:
        probes.expect_received_all("client", reply, received, probes.LARGE)
    else:
        with pytest.raises(AssertionError, match="received only"):
            probes.expect_received_all("client", reply, received, probes.LARGE)


def per_line(conn):
    pending = b""
    while data := conn.recv(4096):
        pending += data
        *lines, pending = pending.split(b"\n")
        for line in lines:
            conn.sendall(line.upper() + b"\n")
    conn.sendall(pending.upper())


def at_the_end(conn):
    conn.sendall(b"".join(iter(lambda: conn.recv(4096), b"")).upper())


def per_piece(conn):
    while data := conn.recv(4096):
        conn.sendall(data.upper())


STEPS = [(b"hel", b""), (b"lo\nwo", b"HELLO\n"), (b"rld\n", b"WORLD\n"), (b"bye", b"")]


def test_a_per_line_handler_passes_the_conversation():
    assert probes.Conversation(per_line)(STEPS, b"BYE").problem is None


def test_answers_at_the_end_and_per_piece_are_told_apart():
    assert "waited" in probes.Conversation(at_the_end)(STEPS, b"BYE").problem
    assert "already answered b'HEL'" in probes.Conversation(per_piece)(STEPS, b"BYE").problem


def test_a_missing_last_answer_and_an_error_are_reported():
    def no_tail(conn):
        while conn.recv(4096):
            pass

    def raises(conn):
        conn.recv(10)
        raise ValueError("broken handler")

    assert "should answer the unterminated last line with b'BYE'" in probes.Conversation(no_tail)([(b"bye", b"")], b"BYE").problem
    assert "raised ValueError: broken handler" in probes.Conversation(raises)([(b"x\n", b"X\n")]).problem


def test_datagrams_are_counted_exactly():
    with LossyUdpServer(drop_first=10) as server, socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        for _ in range(3):
            sock.sendto(b"ping", server.address)
        assert probes.count_datagrams(server) == 3


def test_refusing_addresses_refuse(tmp_path):
    with probes.refusing_port() as port, pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", port))
    with probes.refusing_unix_socket(str(tmp_path / "s")) as path:
        with socket.socket(socket.AF_UNIX) as sock, pytest.raises(ConnectionRefusedError):
            sock.connect(path)
    assert not (tmp_path / "s").exists()
