"""The misbehaving HTTP peers (course.peers.http_faults) and notebook 13's probes."""

import concurrent.futures
import http.client
import socket
import threading
import time
import urllib.error
from time import sleep  # noqa: F401  (RecordingSleeps must replace names bound to time.sleep)
import urllib.request

import pytest

from course.peers import http_faults
from course.probes import http_clients, python_packages


def get(url, timeout=5.0):
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_refusing_port_refuses_and_is_released():
    with http_faults.Refusing() as peer:
        with pytest.raises(ConnectionRefusedError):
            socket.create_connection(("127.0.0.1", peer.port), timeout=2).close()
    peer.close()  # idempotent


def test_silent_server_accepts_and_never_answers():
    with http_faults.Silent() as peer:
        with socket.create_connection(("127.0.0.1", peer.port), timeout=2) as client:
            client.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            client.settimeout(0.3)
            with pytest.raises(TimeoutError):
                client.recv(1)


def test_scripted_answers_in_order_then_repeats_the_last_and_routes():
    answers = [http_faults.Answer(503, b"busy"), http_faults.Answer(200, b"ok")]
    routes = {"/fixed": http_faults.Answer(201, b"made", chunked=True)}
    with http_faults.Scripted(answers, routes) as peer:
        assert get(peer.url + "/a") == (503, b"busy")
        assert get(peer.url + "/b") == (200, b"ok")
        assert get(peer.url + "/c") == (200, b"ok")
        assert get(peer.url + "/fixed") == (201, b"made")
        assert peer.paths == ["/a", "/b", "/c", "/fixed"]
        assert peer.errors == []


def test_scripted_server_stays_quiet_when_a_client_hangs_up(capfd):
    with http_faults.Scripted([http_faults.Answer(200, b"x" * 5_000_000)]) as peer:
        conn = http.client.HTTPConnection("127.0.0.1", peer.port, timeout=5)
        conn.request("GET", "/")
        conn.getresponse()
        conn.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        conn.close()
    assert capfd.readouterr().err == ""


def test_gated_server_counts_in_flight_and_opens_at_the_target():
    with http_faults.Gated(expected=6, target=3) as peer:
        with concurrent.futures.ThreadPoolExecutor(3) as pool:
            bodies = list(pool.map(lambda n: get(f"{peer.url}/item/{n}"), range(6)))
        assert bodies == [(200, f"answer to /item/{n}".encode()) for n in range(6)]
        assert peer.counter.peak == 3 and peer.late == 0


def test_gated_server_lets_a_client_that_keeps_too_few_in_flight_through_after_one_wait():
    with http_faults.Gated(expected=3, target=2) as peer:
        start = time.monotonic()
        assert [get(f"{peer.url}/item/{n}")[1] for n in range(3)] == [
            f"answer to /item/{n}".encode() for n in range(3)]
        assert peer.late == 1 and peer.counter.peak == 1
        assert time.monotonic() - start < http_faults.GATE + 2


def test_gated_server_answers_in_reverse_order():
    with http_faults.Gated(expected=3, target=3, reverse=True) as peer:
        done = []
        lock = threading.Lock()

        def fetch(n):
            get(f"{peer.url}/item/{n}")
            with lock:
                done.append(n)

        with concurrent.futures.ThreadPoolExecutor(3) as pool:
            list(pool.map(fetch, range(3)))
        assert done == [2, 1, 0] and peer.late == 0


def test_gated_straggler_is_answered_once_every_request_has_come():
    with http_faults.Gated(expected=6, target=3, straggler=0) as peer:
        with concurrent.futures.ThreadPoolExecutor(3) as pool:  # a pool: a free thread takes the next URL
            bodies = list(pool.map(lambda n: get(f"{peer.url}/item/{n}")[1], range(6)))
        assert bodies == [f"answer to /item/{n}".encode() for n in range(6)]
        assert not peer.held_back and peer.late == 0 and peer.counter.peak == 3


def test_gated_straggler_holds_back_a_client_that_sends_batches(monkeypatch):
    monkeypatch.setattr(http_faults, "GATE", 0.5)
    with http_faults.Gated(expected=6, target=3, straggler=0) as peer:
        bodies = []
        for start in (0, 3):  # one batch of 3, then the next
            with concurrent.futures.ThreadPoolExecutor(3) as pool:
                bodies += pool.map(lambda n: get(f"{peer.url}/item/{n}")[1], range(start, start + 3))
        assert bodies == [f"answer to /item/{n}".encode() for n in range(6)]
        assert peer.held_back and peer.counter.peak == 3


def test_using_libraries_records_read_timeouts_and_sessions():
    from course import isolation

    with http_faults.Silent() as silent, http_faults.Scripted([http_faults.Answer(200, b"{}")]) as peer:
        def timed(url):
            import requests
            try:
                requests.get(url, timeout=0.25)
            except requests.Timeout:
                return "timed out"

        def without_timeout(url):
            return get(url, timeout=None)

        async def two_sessions(url):
            import aiohttp
            for _ in range(2):
                async with aiohttp.ClientSession() as session:
                    async with session.get(url) as response:
                        await response.read()

        timed_out = isolation.run(http_clients.UsingLibraries(timed), silent.url).value
        waited = isolation.run(http_clients.UsingLibraries(without_timeout), peer.url).value
        sessions = isolation.run(http_clients.UsingLibraries(two_sessions), peer.url).value
    assert timed_out.value == "timed out" and set(timed_out.read_timeouts) == {0.25}
    assert None in waited.read_timeouts
    assert sessions.sessions == 2 and sessions.libraries == {"aiohttp"} and sessions.read_timeouts == ()
    with pytest.raises(AssertionError, match="no timeout"):
        waited.expect_read_timeouts(60, "")
    with pytest.raises(AssertionError, match="up to 0.25 s"):
        timed_out.expect_read_timeouts(0.1, "you were asked to wait at most 0.1 s")
    with pytest.raises(AssertionError, match="made 2 aiohttp ClientSession"):
        sessions.expect_one_session()


def test_using_libraries_tells_them_apart():
    with http_faults.Scripted([http_faults.Answer(200, b"{}")]) as peer:
        def by_http_client():
            conn = http.client.HTTPConnection("127.0.0.1", peer.port, timeout=5)
            conn.request("GET", "/")
            conn.getresponse().read()
            conn.close()

        def by_urllib():
            get(peer.url)

        def by_requests():
            import requests
            requests.get(peer.url, timeout=5)

        # Each probe patches the libraries for good, so each runs in a child of its own.
        from course import isolation
        found = [isolation.run(http_clients.UsingLibraries(fn)).value.libraries
                 for fn in (by_http_client, by_urllib, by_requests)]
    assert found == [{"http.client"}, {"urllib.request", "http.client"}, {"requests"}]


def test_recording_sleeps_sees_time_sleep_and_names_bound_to_it():
    from course import isolation

    def naps():
        time.sleep(0.5)
        globals()["sleep"](0.25)
        return "done"

    slept = isolation.run(http_clients.RecordingSleeps(naps)).value
    assert slept.value == "done" and slept.sleeps == (0.5, 0.25)


def test_made_up_distributions_are_seen_by_importlib_metadata_only():
    import importlib.metadata
    from course import isolation

    def version(name):
        return importlib.metadata.version(name)

    probe = python_packages.WithDistributions(version, {"Made_Up.Dist": "1.2.3"})
    assert isolation.run(probe, "made-up-dist").value == "1.2.3"
    with pytest.raises(importlib.metadata.PackageNotFoundError):
        importlib.metadata.version("made-up-dist")
