"""What every peer shares: a context manager owns it, and ``close()`` stops it once;
closing again does nothing (as in aiohttp's ``TestServer``), so cleanup code never has to
ask whether a peer is already closed."""


class Peer:
    _closed = False

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._stop()

    def _stop(self) -> None:
        """Stop serving and release what the peer holds (called once)."""
        raise NotImplementedError
