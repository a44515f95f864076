"""Notebook 13 (HTTP clients): probes that run in the child process next to the
student's function, and the checks that read what they saw.

- ``UsingLibraries(fn)``: calls ``fn`` while recording which HTTP client libraries it
  went through (``http.client`` directly, ``urllib.request``, ``requests``, ``aiohttp``),
  by wrapping one method of each inside the child only, how many aiohttp
  ``ClientSession`` objects it made, and the timeout of every blocking socket read.
- ``RecordingSleeps(fn)``: calls ``fn`` while ``time.sleep`` only notes how long it was
  asked to sleep (and returns at once), so a backoff is measured exactly, without a
  stopwatch; it records the timeout of every blocking socket read too.

The timeout of a read is the socket's own (``socket.gettimeout()`` when ``recv_into`` or
``recv`` is called): ``http.client``, ``urllib.request`` and ``requests`` (through
urllib3) all set it from the ``timeout`` they are given, so a client that was given
none, or another one than it was asked to use, is seen without a stopwatch.
"""

import functools
import inspect
import math
import time
from dataclasses import dataclass, field

from course import checks

HTTP_CLIENT = "http.client"
URLLIB = "urllib.request"
REQUESTS = "requests"
AIOHTTP = "aiohttp"


@dataclass(frozen=True)
class Used:
    """What one call returned or raised, and which libraries it used."""

    call: str
    value: object = None
    error: str | None = None
    libraries: frozenset = field(default_factory=frozenset)
    sessions: int = 0
    read_timeouts: tuple = ()

    def expect_read_timeouts(self, at_most: float, asked: str) -> None:
        _expect_read_timeouts(self.call, self.read_timeouts, at_most, asked)

    def expect_one_session(self) -> None:
        checks.that(self.sessions == 1,
                    f"{self.call} made {self.sessions} aiohttp ClientSession objects; expected one, "
                    "shared by all the requests (a session keeps a pool of connections to reuse)")

    def expect(self, library: str, *, not_: tuple = ()) -> None:
        names = ", ".join(sorted(self.libraries)) or "none of http.client, urllib.request, requests, aiohttp"
        checks.that(library in self.libraries,
                    f"{self.call} must make its request with {library}; it used: {names}")
        for other in not_:
            checks.that(other not in self.libraries,
                        f"{self.call} must make its request with {library} itself, not through {other}")


class UsingLibraries:
    """A probe: ``UsingLibraries(fn)(*args)`` calls (or awaits) ``fn(*args)`` in the child
    and returns a ``Used``. Messages name it as ``fn``."""

    def __init__(self, fn):
        self.fn = fn
        self.__name__ = getattr(fn, "__name__", "the function")

    def __call__(self, *args):
        used, sessions, read_timeouts = set(), [], []
        _record_libraries(used, sessions)
        _record_read_timeouts(read_timeouts)
        call = checks.describe_call(self.fn, args, {})

        def seen(**outcome):
            return Used(call, libraries=frozenset(used), sessions=len(sessions),
                        read_timeouts=tuple(read_timeouts), **outcome)

        if inspect.iscoroutinefunction(self.fn):
            return self._await(seen, args)
        try:
            value = self.fn(*args)
        except Exception as error:
            return seen(error=_describe(error))
        return seen(value=value)

    async def _await(self, seen, args):
        try:
            value = await self.fn(*args)
        except Exception as error:
            return seen(error=_describe(error))
        return seen(value=value)


def _record_read_timeouts(timeouts: list) -> None:
    """Note ``gettimeout()`` of the socket at every blocking ``recv_into`` and ``recv``
    (``None`` when it has none). Non-blocking sockets (an event loop's) are skipped."""
    import socket

    def wrap(original):
        @functools.wraps(original)
        def read(self, *args, **kwargs):
            timeout = self.gettimeout()
            if timeout != 0.0:
                timeouts.append(timeout)
            return original(self, *args, **kwargs)
        return read

    socket.socket.recv_into = wrap(socket.socket.recv_into)
    socket.socket.recv = wrap(socket.socket.recv)


def _expect_read_timeouts(call: str, timeouts: tuple, at_most: float, asked: str) -> None:
    checks.that(None not in timeouts,
                f"{call} waited for the server's answer with no timeout: a server that never "
                "answers would keep it waiting forever. Give the request a timeout "
                "(the timeout= argument).")
    longest = max(timeouts, default=0.0)
    checks.that(longest <= at_most,
                f"{call} waited up to {longest:g} s for each piece of the answer; {asked}")


def _record_libraries(used: set, sessions: list) -> None:
    import http.client
    import urllib.request

    original_getresponse = http.client.HTTPConnection.getresponse

    @functools.wraps(original_getresponse)
    def getresponse(self, *args, **kwargs):
        if type(self).__module__ == "http.client":  # urllib3's connections subclass it
            used.add(HTTP_CLIENT)
        return original_getresponse(self, *args, **kwargs)

    http.client.HTTPConnection.getresponse = getresponse

    original_open = urllib.request.OpenerDirector.open

    @functools.wraps(original_open)
    def open_(self, *args, **kwargs):
        used.add(URLLIB)
        return original_open(self, *args, **kwargs)

    urllib.request.OpenerDirector.open = open_

    try:
        import requests
    except ImportError:
        pass
    else:
        original_request = requests.Session.request

        @functools.wraps(original_request)
        def request(self, *args, **kwargs):
            used.add(REQUESTS)
            return original_request(self, *args, **kwargs)

        requests.Session.request = request

    try:
        import aiohttp
    except ImportError:
        pass
    else:
        original = aiohttp.ClientSession._request

        @functools.wraps(original)
        def aiohttp_request(self, *args, **kwargs):
            used.add(AIOHTTP)
            return original(self, *args, **kwargs)

        aiohttp.ClientSession._request = aiohttp_request

        original_init = aiohttp.ClientSession.__init__

        @functools.wraps(original_init)
        def session_init(self, *args, **kwargs):
            sessions.append(self)
            original_init(self, *args, **kwargs)

        aiohttp.ClientSession.__init__ = session_init


def _describe(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}".rstrip(": ")


@dataclass(frozen=True)
class Slept:
    """What one call returned or raised, and the seconds it asked ``time.sleep`` for."""

    call: str
    value: object = None
    error: str | None = None
    error_type: str | None = None
    sleeps: tuple = ()
    read_timeouts: tuple = ()

    def expect_read_timeouts(self, at_most: float, asked: str) -> None:
        _expect_read_timeouts(self.call, self.read_timeouts, at_most, asked)

    def expect_returned(self, expected) -> None:
        checks.that(self.error is None,
                    f"{self.call} raised {self.error}; expected it to return {checks.short(expected)}")
        checks.same(self.value, expected, what=self.call)

    def expect_raised(self, why: str) -> None:
        checks.that(self.error is not None,
                    f"{self.call} returned {checks.short(self.value)}; it should raise ({why})")

    def expect_sleeps(self, expected: list[float], why: str) -> None:
        shown = [round(s, 6) for s in self.sleeps]
        checks.that(len(self.sleeps) == len(expected)
                    and all(math.isclose(s, e, rel_tol=1e-9, abs_tol=1e-12) for s, e in zip(self.sleeps, expected)),
                    f"{self.call} slept {shown} (the seconds passed to time.sleep, in order); expected "
                    f"{expected}: {why}")


class RecordingSleeps:
    """A probe: ``RecordingSleeps(fn)(*args)`` calls ``fn(*args)`` in the child while
    ``time.sleep`` (and any name in ``fn``'s module that refers to it, as after ``from
    time import sleep``) only records its argument, and returns a ``Slept``."""

    def __init__(self, fn):
        self.fn = fn
        self.__name__ = getattr(fn, "__name__", "the function")

    def __call__(self, *args):
        sleeps, read_timeouts = [], []
        _record_read_timeouts(read_timeouts)
        original = time.sleep

        def recording_sleep(seconds):
            sleeps.append(float(seconds))

        time.sleep = recording_sleep
        namespace = getattr(self.fn, "__globals__", {})
        for name, value in list(namespace.items()):
            if value is original:
                namespace[name] = recording_sleep
        call = checks.describe_call(self.fn, args, {})
        try:
            value = self.fn(*args)
        except Exception as error:
            return Slept(call, error=_describe(error), error_type=type(error).__name__, sleeps=tuple(sleeps),
                         read_timeouts=tuple(read_timeouts))
        return Slept(call, value=value, sleeps=tuple(sleeps), read_timeouts=tuple(read_timeouts))


def aiohttp_app(routes: dict):
    """An aiohttp application (to serve with ``course.peers.http.AiohttpServer``) that
    answers GET ``path`` with ``routes[path]``: a ``(status, data)`` pair, sent as JSON
    when ``data`` is not a ``str`` and as UTF-8 text when it is."""
    from aiohttp import web

    async def handle(request):
        status, data = routes[request.path]
        if isinstance(data, str):
            return web.Response(status=status, text=data)
        return web.json_response(data, status=status)

    app = web.Application()
    for path in routes:
        app.router.add_get(path, handle)
    return app
