"""The probes of notebook 10 tell a server that sleeps on its loop from one that blocks it,
and a start_site that returns its runner from one that returns something else."""

import asyncio
import time

import pytest

from aiohttp import web

from course import checks
from course.probes import aiohttp_server as probes


def _app(blocking: bool):
    async def slow(request):
        seconds = float(request.query["seconds"])
        if blocking:
            time.sleep(seconds)
        else:
            await asyncio.sleep(seconds)
        return web.json_response({"slept": seconds})

    def make_app():
        app = web.Application()
        app.router.add_get("/slow", slow)
        return app

    return make_app


def _served(blocking: bool):
    return checks.call(probes.Serving(_app(blocking), *[probes.get("/slow?seconds=0.1")] * 3,
                       at_once=True, gate="/slow", gate_count=3), timeout=10)


def test_a_server_that_sleeps_on_its_loop_overlaps_and_does_not_block():
    served = _served(blocking=False)
    for reply in served.replies:
        reply.expect(200, {"slept": 0.1})
    served.expect_overlap("/slow", 3, 0.1)
    served.expect_no_blocking("three requests")


def test_a_server_that_calls_time_sleep_is_seen_twice():
    served = _served(blocking=True)
    assert len(served.blocking) == 3
    for expectation in (lambda: served.expect_overlap("/slow", 3, 0.1),
                        lambda: served.expect_no_blocking("three requests")):
        try:
            expectation()
        except AssertionError:
            continue
        raise AssertionError("a blocking server passed")


def test_an_unknown_path_is_a_plain_404_by_default():
    served = checks.call(probes.Serving(_app(blocking=False), probes.get("/nowhere")))
    (reply,) = served.replies
    assert (reply.status, reply.content_type, reply.is_json) == (404, "text/plain", False)


async def _start_site(app, host, port):
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, host, port).start()
    return runner


async def _start_site_returning_the_site(app, host, port):
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
    await site.start()
    return site


def test_site_check_sees_the_runner_serve_and_close():
    report = checks.call(probes.SiteCheck(_start_site), probes.APP, "127.0.0.1", 0)
    report.expect_serving("127.0.0.1", 0)
    report.expect_curl()
    report.expect_cleanup()


def test_site_check_sees_a_site_returned_instead_of_the_runner():
    report = checks.call(probes.SiteCheck(_start_site_returning_the_site), probes.APP, "127.0.0.1", 0)
    assert not report.is_runner and report.returned == "a TCPSite object"


def test_site_failure_sees_a_runner_left_behind():
    with probes.taken_port() as port:
        report = checks.call(probes.SiteFailure(_start_site), probes.APP, "127.0.0.1", port)
    assert report.oserror and report.runners_set_up == 1 and report.runners_cleaned_up == 0


def test_handlers_that_take_turns_on_a_lock_are_not_handled_at_once():
    lock = asyncio.Lock()

    async def slow(request):
        async with lock:
            await asyncio.sleep(0.05)
        return web.json_response({"slept": 0.05})

    def make_app():
        app = web.Application()
        app.router.add_get("/slow", slow)
        return app

    served = checks.call(probes.Serving(make_app, *[probes.get("/slow?seconds=0.05")] * 3,
                         at_once=True, gate="/slow", gate_count=3), timeout=15)
    assert served.most_asleep == 1
    with pytest.raises(AssertionError, match="slept one at a time"):
        served.expect_overlap("/slow", 3, 0.05)


def test_the_sleep_gate_counts_every_handler_asleep_at_once():
    assert _served(blocking=False).most_asleep == 3


def test_one_application_returned_twice_is_seen():
    app = web.Application()
    served = checks.call(probes.Serving(lambda: app, probes.get("/")))
    with pytest.raises(AssertionError, match="same web.Application"):
        served.expect_new_app_each_call()
    _served(blocking=False).expect_new_app_each_call()


def test_site_check_tries_another_port_when_one_is_taken_in_between(monkeypatch):
    taken = []

    async def start_site(app, host, port):
        if not taken:  # another process takes the port just before the student binds it
            import socket
            thief = socket.socket()
            thief.bind((host, port))
            thief.listen()
            taken.append(thief)
        runner = web.AppRunner(app)
        await runner.setup()
        try:
            await web.TCPSite(runner, host, port).start()
        except OSError:
            await runner.cleanup()
            raise
        return runner

    report = checks.call(probes.SiteCheck(start_site), probes.APP, "127.0.0.1", probes.A_FREE_PORT)
    report.expect_serving("127.0.0.1")
    report.expect_cleanup()
    assert report.port != 0
