"""Notebook 13 (HTTP clients): probes that run in the child process next to the
student's function, and the checks that read what they saw.

- ``UsingLibraries(fn)``: calls ``fn`` while recording which HTTP client libraries it
  went through (``http.client`` directly, ``urllib.request``, ``requests``, ``aiohttp``),
  by wrapping one method of each inside the child only.
- ``RecordingSleeps(fn)``: calls ``fn`` while ``time.sleep`` only notes how long it was
  asked to sleep (and returns at once), so a backoff is measured exactly, without a
  stopwatch.
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
        used = set()
        _record_libraries(used)
        call = checks.describe_call(self.fn, args, {})
        if inspect.iscoroutinefunction(self.fn):
            return self._await(call, used, args)
        try:
            value = self.fn(*args)
        except Exception as error:
            return Used(call, error=_describe(error), libraries=frozenset(used))
        return Used(call, value=value, libraries=frozenset(used))

    async def _await(self, call, used, args):
        try:
            value = await self.fn(*args)
        except Exception as error:
            return Used(call, error=_describe(error), libraries=frozenset(used))
        return Used(call, value=value, libraries=frozenset(used))


def _record_libraries(used: set) -> None:
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
        sleeps = []
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
            return Slept(call, error=_describe(error), error_type=type(error).__name__, sleeps=tuple(sleeps))
        return Slept(call, value=value, sleeps=tuple(sleeps))


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
