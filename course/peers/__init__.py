"""Grader-side peers on the loopback interface, each owned by a context manager.

Every server binds port 0 on 127.0.0.1 (never a fixed port) and keeps its socket, so the
port cannot be taken between choosing and binding it. ``close()`` is idempotent, and a
thread that does not stop within its deadline fails loudly instead of leaking.

- ``threads``: start and join grader threads.
- ``stream``: TCP and Unix stream servers (echo, dribbling replies, concurrency counts).
- ``datagram``: a UDP server that can lose the first datagrams.
- ``http``: threaded ``http.server`` and aiohttp servers on a private event loop.
- ``lifecycle``: what every peer shares (a context manager, an idempotent ``close()``).
- ``tls``: certificates made in memory with trustme, written to files only for APIs that
  need paths.
"""
