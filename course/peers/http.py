"""HTTP peers: ``http.server`` on grader threads and aiohttp applications on an event loop
of their own (never the kernel's), plus a counter of requests in flight."""

import asyncio
import threading
from http.server import ThreadingHTTPServer

from aiohttp import web

from course import timeouts
from course.peers import threads
from course.peers.lifecycle import Peer


class InFlight:
    """Counts requests being served at once. A handler calls ``enter()`` when a request
    starts and ``leave()`` *before* it sends the answer: a client that starts its next
    request the moment an answer arrives must not be counted twice."""

    def __init__(self):
        self._lock = threading.Lock()
        self.now = 0
        self.peak = 0
        self.total = 0

    def enter(self) -> None:
        with self._lock:
            self.now += 1
            self.total += 1
            self.peak = max(self.peak, self.now)

    def leave(self) -> None:
        with self._lock:
            self.now -= 1


class HttpServer(Peer):
    """A ``ThreadingHTTPServer`` for ``handler_class`` on 127.0.0.1 port 0, serving on a
    grader thread. Request logging, which ``http.server`` writes to stderr, is off."""

    def __init__(self, handler_class, *, ssl_context=None):
        quiet = type(handler_class.__name__, (handler_class,), {"log_message": lambda *args: None})
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), quiet)
        self.server.daemon_threads = True
        if ssl_context is not None:
            self.server.socket = ssl_context.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]
        scheme = "https" if ssl_context else "http"
        self.url = f"{scheme}://127.0.0.1:{self.port}"
        self._thread = threads.start(self.server.serve_forever, 0.02, name=f"http server {self.port}")

    def _stop(self) -> None:
        """Stop serving and release the socket."""
        self.server.shutdown()
        threads.join(self._thread)
        self.server.server_close()


class AiohttpServer(Peer):
    """Serves an aiohttp ``web.Application`` on 127.0.0.1 port 0 from an event loop on a
    grader thread, so blocking clients in the kernel (or in a child) can talk to it."""

    def __init__(self, app: web.Application, *, ssl_context=None):
        self._loop = asyncio.new_event_loop()
        self._thread = threads.start(self._loop.run_forever, name="aiohttp server loop")
        self._runner = web.AppRunner(app, access_log=None)
        try:
            self.port = self._on_loop(self._start(ssl_context))
        except BaseException:
            self.close()
            raise
        scheme = "https" if ssl_context else "http"
        self.url = f"{scheme}://127.0.0.1:{self.port}"

    def _stop(self) -> None:
        """Stop the site, the loop and its thread."""
        try:
            self._on_loop(self._runner.cleanup())
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            threads.join(self._thread)
            self._loop.close()

    async def _start(self, ssl_context) -> int:
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0, ssl_context=ssl_context)
        await site.start()
        return self._runner.addresses[0][1]

    def _on_loop(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeouts.JOIN)
