"""Notebook 10 (aiohttp server): probes that run in the child process of ``checks.call``,
next to the student's application, on the child's own event loop (never the kernel's).

``Serving(make_app)`` builds the student's application, serves it with the grader's own
``AppRunner`` on 127.0.0.1 port 0, sends it requests with aiohttp's client, and returns
what came back (``Reply``), when each handler started and ended as the server itself saw it
(a middleware the probe puts in front of the student's, ``Interval``), and every
``time.sleep`` called on the event loop while it served (``Served``). Requests to the
``gate`` path are held until ``gate_count`` of them have arrived, so that a correct server
runs them at the same time however busy the machine is; only a server that blocks its
loop runs them one after another.

``SiteCheck(start_site)`` calls the student's ``start_site`` with a small grader
application, asks the result what it is, talks to it with aiohttp's client and with curl,
cleans it up and checks that the port is closed afterwards (``SiteReport``).

The kernel side only compares the plain data these return.
"""

import asyncio
import contextlib
import errno
import json
import socket
import time
from dataclasses import dataclass, field

import aiohttp
from aiohttp import web

from course import checks, timeouts

GATE = 5.0
"""Seconds a gated request waits at most for its companions: only a server that handles
requests one at a time waits that long (and then fails anyway)."""

REQUEST = 4.0
"""Seconds one request may take before the probe gives up on its answer."""

EARLY = 0.005
"""asyncio may end a sleep a clock tick early; a handler that slept S seconds ran at least
S - EARLY seconds."""


class Request:
    """One request the probe sends: a method, a path with its query string, and a body
    (``json`` is sent as JSON, ``data`` as raw bytes)."""

    _NO_JSON = object()

    def __init__(self, method: str, path: str, *, json=_NO_JSON, data: bytes | None = None):
        self.method = method
        self.path = path
        self.json = json
        self.data = data

    @property
    def has_json(self) -> bool:
        return self.json is not Request._NO_JSON

    def __repr__(self) -> str:
        text = f"{self.method} {self.path}"
        if self.has_json:
            text += f" with the JSON body {checks.short(self.json)}"
        elif self.data is not None:
            text += f" with the body {checks.short(self.data)}"
        return text


def get(path: str) -> Request:
    return Request("GET", path)


def post(path: str, *, json=Request._NO_JSON, data: bytes | None = None) -> Request:
    return Request("POST", path, json=json, data=data)


NOT_JSON = "<not JSON>"


@dataclass(frozen=True)
class Reply:
    """What came back for one request (``status`` None: no answer; ``error`` says why)."""

    request: str
    status: int | None
    content_type: str = ""
    text: str = ""
    is_json: bool = False
    value: object = None
    error: str = ""

    def expect(self, status: int, value=None, *, json_object_with: str | None = None) -> None:
        """Fail unless the answer has this status, is JSON (Content-Type
        application/json) and holds exactly ``value`` (or, with ``json_object_with``, is a
        JSON object that has that key)."""
        if json_object_with is not None:
            wanted = f"a JSON object with the key {json_object_with!r}"
        else:
            wanted = json.dumps(value, ensure_ascii=False)
        head = f"make_app(): {self.request} should answer {status} with {wanted}"
        if self.status is None:
            checks.fail(f"{head}, but {self.error}")
        body = checks.short(self.text)
        checks.that(self.status == status,
                    f"{head}, but it answered {self.status} with the body {body}")
        checks.that(self.content_type == "application/json",
                    f"{head}, but the Content-Type was {self.content_type or 'missing'}, not "
                    f"application/json (the body was {body}). web.json_response sets it.")
        checks.that(self.is_json, f"{head}, but the body {body} is not valid JSON")
        if json_object_with is not None:
            checks.that(isinstance(self.value, dict) and json_object_with in self.value,
                        f"{head}, but the body was {body}")
            return
        checks.same(self.value, value, what=f"make_app(): the JSON answer to {self.request}")


@dataclass(frozen=True)
class Interval:
    """When the server began and finished handling one request (``time.monotonic()``)."""

    request: str
    start: float
    end: float


@dataclass(frozen=True)
class Served:
    """What one ``Serving`` call saw: the replies (in the order of the requests), the
    handlers' intervals (in the order they ended), and the blocking calls made on the
    event loop while it served."""

    replies: list[Reply]
    intervals: list[Interval] = field(default_factory=list)
    blocking: list[str] = field(default_factory=list)
    most_asleep: int = 0
    same_app_twice: bool = False

    def expect_overlap(self, path: str, count: int, seconds: float) -> None:
        """Fail unless ``count`` requests for ``path`` were handled, each for at least
        ``seconds``, and all at the same time: the last one started before the first one
        ended (by the server's own clock)."""
        mine = [i for i in self.intervals if i.request.startswith(f"GET {path}")]
        checks.that(len(mine) == count,
                    f"make_app(): {count} requests GET {path} were sent at once, but the server "
                    f"handled {len(mine)} of them")
        first = min(i.start for i in mine)
        shown = ", ".join(f"{i.start - first:.2f}-{i.end - first:.2f} s" for i in
                          sorted(mine, key=lambda i: i.start))
        short_one = next((i for i in mine if i.end - i.start < seconds - EARLY), None)
        checks.that(short_one is None,
                    f"make_app(): GET {path} should take {seconds:g} s, but the server handled one in "
                    f"{short_one.end - short_one.start if short_one else 0:.3f} s. Sleep with "
                    "await asyncio.sleep(seconds).")
        last_start = max(i.start for i in mine)
        first_end = min(i.end for i in mine)
        checks.that(
            last_start < first_end,
            f"make_app(): {count} requests GET {path} were sent at once, but the server handled "
            f"them one after another: one started only after another had ended. When the server "
            f"handled each (start-end): {shown}. A handler that blocks (time.sleep, requests.get) "
            "stops the whole event loop; use await asyncio.sleep(seconds).")
        checks.that(
            self.most_asleep in (0, count),
            f"make_app(): {count} requests GET {path} were sent at once and all of them reached "
            f"your handler, but {'they slept one at a time' if self.most_asleep == 1 else f'no more than {self.most_asleep} of them slept at the same time'}"
            ": a handler waited for another one to finish before it began its await asyncio.sleep "
            "(a lock or a semaphore held across the sleep?).")

    def expect_new_app_each_call(self) -> None:
        checks.that(not self.same_app_twice,
                    "make_app() returned the same web.Application object when it was called a "
                    "second time. Build a new application inside make_app() on every call: once "
                    "served, an application is frozen, and it is tied to the event loop that served it.")

    def expect_slept(self, request: str, seconds: float) -> None:
        """Fail unless the server took at least ``seconds`` to handle ``request``."""
        mine = [i for i in self.intervals if i.request == request]
        checks.that(bool(mine), f"make_app(): the server never handled {request}")
        took = mine[0].end - mine[0].start
        checks.that(took >= seconds - EARLY,
                    f"make_app(): {request} should take {seconds:g} s, but the server handled it in "
                    f"{took:.3f} s. Sleep with await asyncio.sleep(seconds).")

    def expect_no_blocking(self, what: str) -> None:
        if self.blocking:
            checks.fail(
                f"make_app(): while it handled {what}, the server called {self.blocking[0]} on "
                f"the event loop ({len(self.blocking)} times). time.sleep blocks the whole loop: "
                "no other request is handled meanwhile. Use await asyncio.sleep.")


class _Gate:
    def __init__(self, path: str | None, count: int):
        self.path = path
        self.count = count
        self.arrived = 0
        self.open = asyncio.Event()

    async def wait(self, request: web.Request) -> None:
        if request.path != self.path:
            return
        self.arrived += 1
        if self.arrived >= self.count:
            self.open.set()
        try:
            await asyncio.wait_for(self.open.wait(), GATE)
        except TimeoutError:
            pass


class _SleepGate:
    """Replaces ``asyncio.sleep`` (in the ``asyncio`` module and wherever the student's
    globals hold it) while gated requests are served: a handler's sleep of a positive
    delay first waits until ``count`` handlers are asleep at once (at most ``GATE``
    seconds, once), then sleeps. Notes the most handlers asleep at once, a number that
    does not depend on how busy the machine is: handlers that run at the same time all
    reach it, handlers that wait for each other (a lock held across the sleep) reach 1.
    Only the tasks in ``handlers`` (those serving a gated request) are gated."""

    def __init__(self, namespace: dict, count: int):
        self.count = count
        self.handlers: set = set()
        self.asleep = 0
        self.most = 0
        self._open: asyncio.Event | None = None
        self._gave_up = False
        self._real = asyncio.sleep
        self._namespace = namespace
        self._replaced = [name for name, value in namespace.items() if value is self._real]

    async def _sleep(self, delay, result=None):
        try:
            gated = self.count > 0 and delay > 0 and asyncio.current_task() in self.handlers
        except TypeError:
            gated = False
        if not gated:
            return await self._real(delay, result)
        if self._open is None:
            self._open = asyncio.Event()
        self.asleep += 1
        self.most = max(self.most, self.asleep)
        try:
            if self.asleep >= self.count:
                self._open.set()
            if not self._gave_up:
                try:
                    await asyncio.wait_for(self._open.wait(), GATE)
                except TimeoutError:
                    self._gave_up = True
            return await self._real(delay, result)
        finally:
            self.asleep -= 1

    def __enter__(self):
        asyncio.sleep = self._sleep
        for name in self._replaced:
            self._namespace[name] = self._sleep
        return self

    def __exit__(self, *exc):
        asyncio.sleep = self._real
        for name in self._replaced:
            self._namespace[name] = self._real


class _SleepWatch:
    """Replaces ``time.sleep`` (in the ``time`` module and wherever the student's globals
    hold it) with one that notes each call made while an event loop runs in the thread."""

    def __init__(self, namespace: dict):
        self.calls: list[str] = []
        self._real = time.sleep
        self._namespace = namespace
        self._replaced = [name for name, value in namespace.items() if value is self._real]

    def __enter__(self):
        real, calls = self._real, self.calls

        def sleep(seconds):
            try:
                asyncio.get_running_loop()
                calls.append(f"time.sleep({seconds!r})")
            except RuntimeError:
                pass
            real(seconds)

        time.sleep = sleep
        for name in self._replaced:
            self._namespace[name] = sleep
        return self

    def __exit__(self, *exc):
        time.sleep = self._real
        for name in self._replaced:
            self._namespace[name] = self._real


class Serving:
    """A probe: ``checks.call(Serving(make_app, *requests, at_once=False, gate=None,
    gate_count=0))`` serves the student's application in the child and sends it
    ``requests`` (one after another, or all at once); returns a ``Served``. Messages name
    the call as ``make_app()``."""

    def __init__(self, make_app, *requests: Request, at_once: bool = False,
                 gate: str | None = None, gate_count: int = 0):
        self.make_app = make_app
        self.requests = requests
        self.at_once = at_once
        self.gate = gate
        self.gate_count = gate_count
        self.__name__ = getattr(make_app, "__name__", "make_app")

    async def __call__(self) -> Served:
        requests, at_once, gate = self.requests, self.at_once, self.gate
        namespace = getattr(self.make_app, "__globals__", {})
        with _SleepWatch(namespace) as watch, \
                _SleepGate(namespace, self.gate_count if gate else 0) as sleep_gate:
            app = self.make_app()
            if not isinstance(app, web.Application):
                raise TypeError(f"make_app() should return a web.Application, not {checks.short(app)}")
            same_app_twice = self.make_app() is app
            intervals: list[Interval] = []
            gate_keeper = _Gate(gate, self.gate_count)

            @web.middleware
            async def stamping(request, handler):
                await gate_keeper.wait(request)
                task = asyncio.current_task()
                if request.path == gate:
                    sleep_gate.handlers.add(task)
                start = time.monotonic()
                try:
                    return await handler(request)
                finally:
                    sleep_gate.handlers.discard(task)
                    intervals.append(Interval(f"{request.method} {request.path_qs}", start, time.monotonic()))

            app.middlewares.insert(0, stamping)
            runner = web.AppRunner(app, access_log=None, handle_signals=False)
            await runner.setup()
            try:
                site = web.TCPSite(runner, "127.0.0.1", 0)
                await site.start()
                base = f"http://127.0.0.1:{runner.addresses[0][1]}"
                timeout = aiohttp.ClientTimeout(total=REQUEST + (GATE if gate else 0))
                async with aiohttp.ClientSession(base, timeout=timeout) as session:
                    if at_once:
                        replies = await asyncio.gather(*(_send(session, r) for r in requests))
                    else:
                        replies = [await _send(session, r) for r in requests]
            finally:
                await runner.cleanup()
        return Served(list(replies), intervals, watch.calls, sleep_gate.most, same_app_twice)


async def _send(session: aiohttp.ClientSession, request: Request) -> Reply:
    kwargs = {}
    if request.has_json:  # encoded here: aiohttp's json=None would send no body at all
        kwargs["data"] = json.dumps(request.json).encode()
        kwargs["headers"] = {"Content-Type": "application/json"}
    elif request.data is not None:
        kwargs["data"] = request.data
    try:
        async with session.request(request.method, request.path, **kwargs) as response:
            text = await response.text(errors="replace")
            try:
                value, is_json = json.loads(text), True
            except ValueError:
                value, is_json = None, False
            return Reply(repr(request), response.status, response.content_type, text, is_json, value)
    except TimeoutError:
        return Reply(repr(request), None, error=f"no answer came within {REQUEST:g} s")
    except aiohttp.ClientError as error:
        return Reply(repr(request), None, error=f"the request failed: {type(error).__name__}: {error}")


# ---------------------------------------------------------------------------- start_site

class _App:
    """Stands for ``grader_app()`` in a call's arguments, so that messages show ``app``."""

    def __repr__(self) -> str:
        return "app"


APP = _App()


def grader_app() -> web.Application:
    """The application ``start_site`` is given in the tests: GET /ping answers 'pong'."""

    async def ping(request):
        return web.Response(text="pong")

    app = web.Application()
    app.router.add_get("/ping", ping)
    return app


def free_port() -> int:
    """A port that was free a moment ago on 127.0.0.1. Another process may take it before
    it is bound again: pass ``A_FREE_PORT`` to ``SiteCheck`` instead, which retries."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _FreePort:
    """Stands for a port that ``SiteCheck`` chooses in the child, just before it calls
    ``start_site``: if another process takes that port in the moment between (a port
    found free cannot be held for someone else's bind), ``SiteCheck`` tries another one."""

    def __repr__(self) -> str:
        return "a free port"


A_FREE_PORT = _FreePort()

PORT_ATTEMPTS = 5
"""Ports ``SiteCheck`` tries for ``A_FREE_PORT`` before it lets the OSError go."""


@contextlib.contextmanager
def taken_port():
    """A port on 127.0.0.1 that a grader socket listens on while the block runs."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


@dataclass(frozen=True)
class SiteReport:
    """What ``start_site`` gave back and how it behaved."""

    call: str
    returned: str
    is_runner: bool
    sites: list[str] = field(default_factory=list)
    addresses: list[tuple] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)
    curl: str = ""
    closed_after_cleanup: bool = False
    cleanup_error: str = ""
    port: int = 0

    def expect_serving(self, host: str, port: int | None = None) -> None:
        """Fail unless the runner serves the app on ``host`` and ``port`` (None: the port
        ``SiteCheck`` chose for ``A_FREE_PORT``)."""
        port = self.port if port is None else port
        checks.that(self.is_runner,
                    f"{self.call} should return the web.AppRunner that serves the app, but it "
                    f"returned {self.returned}")
        checks.that(bool(self.sites),
                    f"{self.call} returned a runner with no site started: create a "
                    "web.TCPSite(runner, host, port) and await its start()")
        checks.that(all(s == "TCPSite" for s in self.sites),
                    f"{self.call}: the runner's sites should be web.TCPSite, but they are: "
                    f"{', '.join(self.sites)}")
        wrong = [a for a in self.addresses if a[0] != host or (port and a[1] != port) or not a[1]]
        asked = f"{host} port {port}" + (" (any free port)" if port == 0 else "")
        checks.that(self.addresses and not wrong,
                    f"{self.call} should listen on {asked} only, but it listens on "
                    f"{', '.join(f'{a[0]} port {a[1]}' for a in self.addresses) or 'nothing'}")
        bad = [a for a in self.answers if a != "200 pong"]
        checks.that(not bad,
                    f"{self.call}: GET /ping should answer 200 'pong' (the app's only route), "
                    f"but the answer was: {bad[0] if bad else ''}")

    def expect_curl(self) -> None:
        checks.that(self.curl == "200 pong",
                    f"{self.call}: curl GET /ping should get 200 'pong', but got: {self.curl}")

    def expect_cleanup(self) -> None:
        checks.that(not self.cleanup_error,
                    f"{self.call}: runner.cleanup() failed: {self.cleanup_error}")
        checks.that(self.closed_after_cleanup,
                    f"{self.call}: after runner.cleanup() the port still accepted connections: "
                    "the runner returned is not the one that serves the site")


class SiteCheck:
    """A probe: ``SiteCheck(start_site)(APP, host, port)`` awaits ``start_site(app, host,
    port)`` with a fresh ``grader_app()``, then asks what came back, GETs /ping from
    every address it listens on (aiohttp's client and curl), cleans it up and tries to
    connect again. Returns a ``SiteReport``. Messages name it as ``start_site``."""

    def __init__(self, start_site):
        self.start_site = start_site
        self.__name__ = getattr(start_site, "__name__", "start_site")

    async def __call__(self, app: web.Application, host: str, port) -> SiteReport:
        if isinstance(port, _FreePort):
            for attempt in range(PORT_ATTEMPTS):
                port = free_port()
                try:
                    result = await self.start_site(_real(app), host, port)
                    break
                except OSError as error:
                    if error.errno != errno.EADDRINUSE or attempt + 1 == PORT_ATTEMPTS or not _taken(host, port):
                        raise
        else:
            result = await self.start_site(_real(app), host, port)
        call = f"start_site(app, {host!r}, {port!r})"
        is_runner = type(result) is web.AppRunner
        if not is_runner:
            await _stop_whatever(result)
            what = "None" if result is None else f"a {type(result).__name__} object"
            return SiteReport(call, what, False, port=port)
        sites = [type(s).__name__ for s in result.sites]
        addresses = [tuple(a[:2]) for a in result.addresses]
        answers = []
        timeout = aiohttp.ClientTimeout(total=REQUEST)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            for address in addresses:
                answers.append(await _ping(session, _url(address)))
        curl = await _curl(_url(addresses[0])) if addresses else "no address to ask"
        cleanup_error = ""
        try:
            await asyncio.wait_for(result.cleanup(), timeouts.JOIN)
        except Exception as error:
            cleanup_error = f"{type(error).__name__}: {error}"
        closed = all([not await _accepts(address) for address in addresses])
        return SiteReport(call, type(result).__name__, True, sites, addresses, answers, curl,
                          closed, cleanup_error, port)


@dataclass(frozen=True)
class FailureReport:
    """What ``start_site`` did when its site could not listen."""

    call: str
    raised: str
    oserror: bool
    runners_set_up: int
    runners_cleaned_up: int

    def expect_oserror_and_cleanup(self) -> None:
        checks.that(self.oserror,
                    f"{self.call} should raise OSError (the port is taken), but it {self.raised}")
        checks.that(self.runners_set_up > 0,
                    f"{self.call} raised OSError without setting up a web.AppRunner")
        checks.that(self.runners_cleaned_up >= self.runners_set_up,
                    f"{self.call} raised OSError but left the AppRunner it had set up without "
                    "cleaning it up: await runner.cleanup() before the error goes to the caller")


class _RunnerWatch:
    """Counts the ``web.AppRunner`` objects set up and cleaned up while the block runs."""

    def __init__(self):
        self.set_up = set()
        self.cleaned_up = set()

    def __enter__(self):
        self._setup, self._cleanup = web.AppRunner.setup, web.AppRunner.cleanup
        watch, setup, cleanup = self, self._setup, self._cleanup

        async def watched_setup(runner):
            await setup(runner)
            watch.set_up.add(id(runner))

        async def watched_cleanup(runner):
            watch.cleaned_up.add(id(runner))
            await cleanup(runner)

        web.AppRunner.setup, web.AppRunner.cleanup = watched_setup, watched_cleanup
        return self

    def __exit__(self, *exc):
        web.AppRunner.setup, web.AppRunner.cleanup = self._setup, self._cleanup


class SiteFailure:
    """A probe: ``SiteFailure(start_site)(APP, host, port)`` awaits ``start_site`` on a
    port that is taken and returns a ``FailureReport``: what it raised, and whether the
    runners it set up were cleaned up. Messages name it as ``start_site``."""

    def __init__(self, start_site):
        self.start_site = start_site
        self.__name__ = getattr(start_site, "__name__", "start_site")

    async def __call__(self, app: web.Application, host: str, port: int) -> FailureReport:
        call = f"start_site(app, {host!r}, {port!r})"
        with _RunnerWatch() as watch:
            try:
                result = await self.start_site(_real(app), host, port)
            except Exception as error:
                raised = f"raised {type(error).__name__}" + (f": {error}" if str(error) else "")
                oserror = isinstance(error, OSError)
            else:
                if isinstance(result, web.BaseRunner):
                    where = ", ".join(f"{a[0]} port {a[1]}" for a in result.addresses) or "nothing"
                    raised = f"returned a web.{type(result).__name__} that listens on {where}"
                else:
                    raised = f"returned {checks.short(result)}"
                oserror = False
                await _stop_whatever(result)
        return FailureReport(call, raised, oserror, len(watch.set_up),
                             len(watch.cleaned_up & watch.set_up))


def _taken(host: str, port: int) -> bool:
    """Whether some other socket holds host:port now (a student's start_site that raised
    EADDRINUSE on a port nobody holds has a bug of its own, and gets no second try)."""
    with socket.socket() as sock:
        try:
            sock.bind((host, port))
        except OSError:
            return True
        return False


def _real(app) -> web.Application:
    return grader_app() if isinstance(app, _App) else app


def _url(address) -> str:
    host = f"[{address[0]}]" if ":" in address[0] else address[0]
    return f"http://{host}:{address[1]}/ping"


async def _ping(session, url) -> str:
    try:
        async with session.get(url) as response:
            return f"{response.status} {await response.text(errors='replace')}"
    except (aiohttp.ClientError, TimeoutError, OSError) as error:
        return f"{url} failed: {type(error).__name__}: {error}"


async def _curl(url) -> str:
    process = await asyncio.create_subprocess_exec(
        "curl", "--silent", "--show-error", "--max-time", str(REQUEST),
        "--write-out", "\n%{http_code}", url,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    output, _ = await process.communicate()
    body, _, code = output.decode("utf-8", "replace").rpartition("\n")
    if process.returncode != 0:
        return f"curl {url} failed: {body.strip() or code}"
    return f"{code} {body}"


async def _accepts(address) -> bool:
    try:
        reader, writer = await asyncio.wait_for(asyncio.open_connection(address[0], address[1]), REQUEST)
    except (OSError, TimeoutError):
        return False
    writer.close()
    return True


async def _stop_whatever(result) -> None:
    """Clean up what a wrong ``start_site`` returned (a site, say), so that the child
    ends cleanly."""
    try:
        if isinstance(result, web.BaseSite):
            await result.stop()
        elif isinstance(result, web.BaseRunner):
            await result.cleanup()
    except Exception:
        pass
